namespace ElasticFunnels.Crm;

/// <summary>
/// How the SDK retries. Defaults: 3 retries; exponential backoff from 1 second with jitter, each wait
/// at most 30 seconds; a <c>Retry-After</c> of up to 30 seconds is honoured, a longer one fails the call at once.
/// </summary>
/// <remarks>
/// Retried: 408, 429, 500, 502, 503, 504, timeouts of an attempt and connection failures, for GET, PUT and
/// DELETE. A POST (a create) is retried only when the server certainly did not process it: a 429, or a
/// connection that never opened. It is never retried after a timeout, a reset or a 5xx, so no create is sent twice.
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
