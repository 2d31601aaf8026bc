namespace ElasticFunnels.Crm.Http;

/// <summary>Reads <c>Retry-After</c> in both of its forms (RFC 9110 §10.2.3): delay-seconds and an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>
    /// The wait the response asks for, never negative; null when the header is absent or malformed.
    /// A date is measured against the response's own <c>Date</c> header when it has one, so a server
    /// whose clock differs from ours still gets the wait it meant.
    /// </summary>
    public static TimeSpan? Read(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (response!.Headers.Date ?? DateTimeOffset.UtcNow);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
