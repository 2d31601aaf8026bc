namespace ElasticFunnels.Crm.Http;

/// <summary>
/// The headers whose values may appear in IHttpClientFactory's request logs. Like Azure.Core's
/// sanitiser it is an allow-list: every other header (<c>EF-Access-Key</c>, cookies, anything a proxy
/// adds) is logged as <c>*</c>, so a header nobody thought of cannot leak.
/// </summary>
internal static class LoggedHeaders
{
    /// <summary>Whether the value of <paramref name="name"/> must be hidden in logs.</summary>
    public static bool ShouldRedact(string name)
    {
        // A list read per header rather than a static set: it is read only when headers are logged, and a
        // static initialiser is out of reach of mutation testing (each name here is pinned by a test).
        ReadOnlySpan<string> safe =
        [
            "Accept", "Accept-Encoding", "Cache-Control", "Connection", "Content-Encoding", "Content-Length",
            "Content-Type", "Date", "ETag", "Expires", "Last-Modified", "Pragma", "Request-Id", "Retry-After",
            "Server", "traceparent", "tracestate", "Transfer-Encoding", "User-Agent", "Vary", "X-Request-Id",
            "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
        ];
        foreach (var header in safe)
        {
            if (string.Equals(name, header, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
