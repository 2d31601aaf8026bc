namespace ElasticFunnels.Crm;

/// <summary>
/// How the SDK retries a failed call. Set through <see cref="ElasticFunnelsCrmOptions.Retry"/> or the
/// configuration section <c>ElasticFunnels:Crm:Retry</c>; validated at start-up.
/// </summary>
/// <remarks>
/// <para>Defaults: <see cref="MaxRetryAttempts"/> 3 (so at most 4 attempts); exponential backoff from
/// <see cref="BaseDelay"/> 1 second with jitter (<see cref="UseJitter"/> true), each wait at most
/// <see cref="MaxDelay"/> 30 seconds; a <c>Retry-After</c> of up to <see cref="MaxRetryAfter"/> 30 seconds is
/// waited for exactly (in place of the backoff), a longer one fails the call at once.</para>
/// <para>Retried: 408, 429, 500, 502, 503, 504, a timed-out attempt and a broken connection, for GET, PUT and
/// DELETE. A POST (a create) is retried only when the server certainly did not process it: a 429, or a
/// connection that never opened (refused, DNS or TLS failure). It is never retried after a timeout, a reset
/// or a 5xx, so no create is ever sent twice. Other statuses (400, 401, 403, 404, 409, 422, ...) are never retried.</para>
/// <para>Valid values: <see cref="MaxRetryAttempts"/> 0 to 100; delays 0 to 24 hours with
/// <see cref="MaxDelay"/> at least <see cref="BaseDelay"/>.</para>
/// </remarks>
public sealed class CrmRetryOptions
{
    /// <summary>How many times a call is retried after its first attempt; 0 turns retries off. Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; later ones double, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the SDK waits. A longer hint, or one beyond the time left in the
    /// call's <see cref="ElasticFunnelsCrmOptions.Timeout"/>, fails at once with a <see cref="CrmRateLimitException"/>
    /// carrying the hint. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomized so many clients do not retry in step. Default true.</summary>
    public bool UseJitter { get; set; } = true;

    internal object MemberwiseCloneInternal() => MemberwiseClone();
}
