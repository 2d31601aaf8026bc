namespace ElasticFunnels.Crm.Http;

/// <summary>
/// The headers whose values may appear in IHttpClientFactory's request logs. Like Azure.Core's
/// sanitiser it is an allow-list: every other header (<c>EF-Access-Key</c>, cookies, anything a proxy
/// adds) is logged as <c>*</c>, so a header nobody thought of cannot leak.
/// </summary>
internal static class LoggedHeaders
{
    private static readonly HashSet<string> Safe = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Encoding", "Cache-Control", "Connection", "Content-Encoding", "Content-Length",
        "Content-Type", "Date", "ETag", "Expires", "Last-Modified", "Pragma", "Request-Id", "Retry-After",
        "Server", "traceparent", "tracestate", "Transfer-Encoding", "User-Agent", "Vary", "X-Request-Id",
        "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
    };

    /// <summary>Whether the value of <paramref name="name"/> must be hidden in logs.</summary>
    public static bool ShouldRedact(string name) => !Safe.Contains(name);
}
