using System.Globalization;
using System.Net.Http.Headers;

namespace ElasticFunnels.Crm.Http;

/// <summary>Reads <c>Retry-After</c> in both of its forms (RFC 9110 §10.2.3): delay-seconds and an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>
    /// The wait the response asks for, never negative; null when the header is absent or malformed.
    /// A date is measured against the response's own <c>Date</c> header when it has one, so a server
    /// whose clock differs from ours still gets the wait it meant; without one, against the client's clock.
    /// </summary>
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider timeProvider) =>
        Read(response?.Headers.RetryAfter, response?.Headers.Date, timeProvider);

    /// <summary>The same, from the headers' text (a response described by its parts).</summary>
    public static TimeSpan? Read(string? retryAfter, string? date, TimeProvider timeProvider) => Read(
        RetryConditionHeaderValue.TryParse(retryAfter, out var header) ? header : null,
        DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent) ? sent : null,
        timeProvider);

    private static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset? sent, TimeProvider timeProvider)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (sent ?? timeProvider.GetUtcNow());
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
