namespace ElasticFunnels.Crm.Testing;

/// <summary>A queued batch of identical failures; <see cref="Remaining"/> counts down as requests consume it.</summary>
internal sealed class FailureFault(int remaining, int statusCode, string? retryAfter, string? body)
{
    public int Remaining { get; set; } = remaining;

    public int StatusCode { get; } = statusCode;

    /// <summary>The Retry-After header value, already formatted (delta-seconds or HTTP-date).</summary>
    public string? RetryAfter { get; } = retryAfter;

    public string? Body { get; } = body;
}
