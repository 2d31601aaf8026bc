namespace ElasticFunnels.Crm;

/// <summary>
/// Settings for one call, passed to any I/O method of the client (the overloads that take a
/// <see cref="CrmRequestOptions"/> before the <see cref="CancellationToken"/>). They override the
/// client's <see cref="ElasticFunnelsCrmOptions"/> for that call only.
/// </summary>
/// <remarks>
/// <para>For a method that sends several requests (a pageable, a bulk write, an export, an upsert),
/// the options apply to <b>each</b> request it sends: <see cref="Timeout"/> bounds each request, not
/// the whole operation. The <see cref="CancellationToken"/> passed with them bounds the whole operation.</para>
/// <para>The values are read when the call starts; changing the instance afterwards does not affect a
/// call in flight, so one instance can be shared by many calls.</para>
/// </remarks>
/// <example><code>
/// var entry = await crm.Entries.GetAsync(entryId, new CrmRequestOptions
/// {
///     Timeout = TimeSpan.FromSeconds(5),
///     Headers = { ["X-Trace-Id"] = traceId },
/// }, cancellationToken);
/// </code></example>
public sealed class CrmRequestOptions
{
    /// <summary>
    /// The most this call may take, retries, waits and reading the body included; replaces
    /// <see cref="ElasticFunnelsCrmOptions.Timeout"/> for this call, whether shorter or longer.
    /// <see langword="null"/> (the default) keeps the client's. 10 ms to 24 hours, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    /// <remarks>
    /// Each attempt stays limited by the client's <see cref="ElasticFunnelsCrmOptions.AttemptTimeout"/> when that is
    /// shorter than the client's <see cref="ElasticFunnelsCrmOptions.Timeout"/>; otherwise (the client does not limit
    /// attempts separately) an attempt may use this whole timeout. Set <see cref="AttemptTimeout"/> to choose.
    /// </remarks>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// The most one attempt of this call may take, reading the body included; replaces
    /// <see cref="ElasticFunnelsCrmOptions.AttemptTimeout"/> for this call. <see langword="null"/> (the default) keeps the rule
    /// described on <see cref="Timeout"/>. 10 ms to 24 hours, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>
    /// Extra request headers for this call, sent only to the configured <see cref="ElasticFunnelsCrmOptions.BaseAddress"/>.
    /// Names the SDK owns are refused with an <see cref="ArgumentException"/> before anything is sent:
    /// <c>EF-Access-Key</c>, <c>Accept</c>, <c>Host</c>, <c>Authorization</c>, <c>Cookie</c>, the <c>Content-*</c>
    /// headers, <c>Transfer-Encoding</c> and the other hop-by-hop headers (<c>Connection</c>, <c>Keep-Alive</c>,
    /// <c>TE</c>, <c>Trailer</c>, <c>Upgrade</c>, <c>Expect</c>, <c>Proxy-*</c>). Names must be HTTP tokens; values
    /// must not contain line breaks or other control characters. Names compare case-insensitively.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether this call is sent at most once: no retry after a failure, for any method. Default
    /// <see langword="false"/> (the client's <see cref="ElasticFunnelsCrmOptions.Retry"/> rules apply). A shared
    /// rate-limit pause is not a retry and still applies.
    /// </summary>
    public bool DisableRetries { get; set; }

    /// <summary>
    /// Whether entry values are checked against the entity's custom fields before a create, update or
    /// upsert is sent (see <see cref="ElasticFunnelsCrmOptions.ValidateEntryValues"/>): <see langword="true"/> or
    /// <see langword="false"/> for this call, <see langword="null"/> (the default) to follow the client's setting.
    /// Ignored by methods that send no entry values.
    /// </summary>
    public bool? ValidateAgainstSchema { get; set; }

    /// <summary>Describes the options without header values (which may be secrets of your own).</summary>
    /// <returns>For example <c>CrmRequestOptions { Timeout = 00:00:05, Headers = [X-Trace-Id], DisableRetries = False }</c>.</returns>
    public override string ToString() =>
        $"CrmRequestOptions {{ Timeout = {Timeout?.ToString() ?? "(client)"}, AttemptTimeout = {AttemptTimeout?.ToString() ?? "(client)"}, Headers = [{string.Join(", ", Headers.Keys)}], DisableRetries = {DisableRetries}, ValidateAgainstSchema = {ValidateAgainstSchema?.ToString() ?? "(client)"} }}";
}
