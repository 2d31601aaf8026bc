namespace ElasticFunnels.Crm.Testing;

/// <summary>A queued batch of identical failures; <see cref="Remaining"/> counts down as requests consume it.</summary>
internal sealed class FailureFault(int remaining, int statusCode, string? retryAfter, string? body, DropMode drop = DropMode.None)
{
    public int Remaining { get; set; } = remaining;

    public int StatusCode { get; } = statusCode;

    /// <summary>The Retry-After header value, already formatted (delta-seconds or HTTP-date).</summary>
    public string? RetryAfter { get; } = retryAfter;

    public string? Body { get; } = body;

    /// <summary>Whether the connection is dropped instead of answered, and when.</summary>
    public DropMode Drop { get; } = drop;
}
