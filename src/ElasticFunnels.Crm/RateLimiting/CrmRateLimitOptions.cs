namespace ElasticFunnels.Crm;

/// <summary>
/// The request budget of an access key: every client in the process that uses the same API origin and
/// key shares one (and every process, with a shared store set by <see cref="UseStore"/>, such as the ElasticFunnels.Crm.Redis
/// package's). A 429 is a refusal, not a failure: the request waits in the budget's queue and is sent
/// again, without using one of the call's retries, as long as the call's
/// <see cref="ElasticFunnelsCrmOptions.Timeout"/> allows.
/// </summary>
/// <remarks>
/// <para>Defaults: <see cref="Mode"/> <see cref="CrmRateLimitMode.Adaptive"/>; <see cref="PermitLimit"/> 0 (set it
/// for <see cref="CrmRateLimitMode.Fixed"/>); <see cref="Window"/> 1 second; <see cref="InitialBackoff"/> 1 second;
/// <see cref="MaxBackoff"/> 30 seconds; <see cref="QueueLimit"/> 1000; no store (the budget lives in this process).</para>
/// <para><b>Adaptive.</b> Requests go out unpaced until the API answers 429. Then everyone sending with that key
/// pauses once, for the <c>Retry-After</c> the server gave or, without one, for <see cref="InitialBackoff"/>
/// (doubled, up to <see cref="MaxBackoff"/>, while 429s keep coming right after a pause). The key's rate
/// becomes what the server accepted since the previous pause divided by the time up to the end of this one
/// (at most halved in one step), and requests are spaced at that rate. Between 429s it climbs back within a few
/// seconds to just under the rate that was refused, creeps past it by 0.5% a second and probes by 2% a second
/// well above it. docs/rate-limits.md describes each step.</para>
/// <para>A call fails with a <see cref="CrmRateLimitException"/> only when its wait (queue and pause) would outlast
/// what is left of its <see cref="ElasticFunnelsCrmOptions.Timeout"/>, or when <see cref="QueueLimit"/> requests are
/// already waiting; it fails at once, saying so. Time spent waiting counts against the call's
/// <c>Timeout</c>, never against an attempt. Cancelling a waiting call frees its place.</para>
/// </remarks>
public sealed class CrmRateLimitOptions
{
    /// <summary>Adaptive (the default), a fixed budget, or off.</summary>
    public CrmRateLimitMode Mode { get; set; } = CrmRateLimitMode.Adaptive;

    /// <summary>
    /// With <see cref="CrmRateLimitMode.Fixed"/>: how many requests the key may send per <see cref="Window"/>, e.g. 20
    /// per second or 600 per minute. Requests are spaced evenly (one every <c>Window / PermitLimit</c>).
    /// </summary>
    public int PermitLimit { get; set; }

    /// <summary>With <see cref="CrmRateLimitMode.Fixed"/>: the period <see cref="PermitLimit"/> applies to. Default 1 second.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The shared pause after a 429 that carries no <c>Retry-After</c>. Default 1 second.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause the doubling backoff reaches (a server's <c>Retry-After</c> is always honoured). Default 30 seconds.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most requests that may wait in a key's budget; a call beyond it fails at once with a <see cref="CrmRateLimitException"/>. Default 1000.</summary>
    public int QueueLimit { get; set; } = 1000;

    // A field, not a property: the configuration binder (generated into this assembly) would try to bind a property.
    private CrmRateLimitStore? _store;

    /// <summary>
    /// Keeps the budget in a shared store (for example the ElasticFunnels.Crm.Redis package's) so that several
    /// processes with one key share one budget; null (the default) keeps it in this process. If the store fails
    /// or is slow, calls fall back to this process's budget. (A method rather than a property: a store is an
    /// object made in code, which configuration binding must not try to create.)
    /// </summary>
    /// <param name="store">The store, or null for this process only.</param>
    /// <returns>These options, to chain calls.</returns>
    public CrmRateLimitOptions UseStore(CrmRateLimitStore? store)
    {
        _store = store;
        return this;
    }

    /// <summary>The store set with <see cref="UseStore"/>; null for this process only.</summary>
    /// <returns>The store.</returns>
    internal CrmRateLimitStore? GetStore() => _store;

    internal object MemberwiseCloneInternal() => MemberwiseClone();
}
