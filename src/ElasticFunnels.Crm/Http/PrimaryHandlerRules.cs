namespace ElasticFunnels.Crm.Http;

/// <summary>
/// The two settings of the innermost handler that decide where the access key can travel: automatic
/// redirects (.NET strips only <c>Authorization</c> on a redirect, so <c>EF-Access-Key</c> would
/// follow a <c>Location</c> to any host) and cookies (state the API does not use, shared across calls).
/// </summary>
internal static class PrimaryHandlerRules
{
    /// <summary>Describes why <paramref name="handler"/> (or the handler at the end of its chain) is unsafe, or null when it is safe.</summary>
    public static string? Problem(HttpMessageHandler handler)
    {
        var (redirects, cookies) = Settings(Terminal(handler));
        if (!redirects && !cookies)
        {
            return null;
        }

        var what = redirects && cookies ? "follows redirects and keeps cookies" : redirects ? "follows redirects" : "keeps cookies";
        return $"The handler {what} (AllowAutoRedirect or UseCookies is true). A redirect would carry the EF-Access-Key header to wherever it points, so the SDK requires AllowAutoRedirect = false and UseCookies = false on a SocketsHttpHandler or HttpClientHandler.";
    }

    /// <summary>Turns redirects and cookies off on a handler that has not sent anything yet.</summary>
    public static void Enforce(HttpMessageHandler handler)
    {
        try
        {
            switch (Terminal(handler))
            {
                case SocketsHttpHandler sockets when sockets.AllowAutoRedirect || sockets.UseCookies:
                    sockets.AllowAutoRedirect = false;
                    sockets.UseCookies = false;
                    break;
                case HttpClientHandler client when client.AllowAutoRedirect || client.UseCookies:
                    client.AllowAutoRedirect = false;
                    client.UseCookies = false;
                    break;
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{Problem(handler)} The primary handler given to the ElasticFunnels CRM client has already sent requests, so the SDK cannot change it; create a new handler with those settings.", ex);
        }
    }

    private static HttpMessageHandler Terminal(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        return handler;
    }

    private static (bool Redirects, bool Cookies) Settings(HttpMessageHandler handler) => handler switch
    {
        SocketsHttpHandler sockets => (sockets.AllowAutoRedirect, sockets.UseCookies),
        HttpClientHandler client => (client.AllowAutoRedirect, client.UseCookies),
        _ => (false, false),
    };
}
