namespace ElasticFunnels.Crm.Http;

/// <summary>
/// The two settings of the innermost handler that decide where the access key can travel: automatic
/// redirects (.NET strips only <c>Authorization</c> on a redirect, so <c>EF-Access-Key</c> would
/// follow a <c>Location</c> to any host) and cookies (state the API does not use, shared across calls).
/// </summary>
internal static class PrimaryHandlerRules
{
    /// <summary>Turns redirects and cookies off on a handler that has not sent anything yet.</summary>
    /// <exception cref="InvalidOperationException">The handler has sent requests already, so it cannot be changed; the message says which setting is unsafe.</exception>
    public static void Enforce(HttpMessageHandler handler)
    {
        switch (Terminal(handler))
        {
            case SocketsHttpHandler sockets when sockets.AllowAutoRedirect || sockets.UseCookies:
                Change(sockets.AllowAutoRedirect, sockets.UseCookies, () =>
                {
                    sockets.AllowAutoRedirect = false;
                    sockets.UseCookies = false;
                });
                break;
            case HttpClientHandler client when client.AllowAutoRedirect || client.UseCookies:
                Change(client.AllowAutoRedirect, client.UseCookies, () =>
                {
                    client.AllowAutoRedirect = false;
                    client.UseCookies = false;
                });
                break;
        }
    }

    private static void Change(bool redirects, bool cookies, Action turnOff)
    {
        try
        {
            turnOff();
        }
        catch (InvalidOperationException ex)
        {
            var what = redirects && cookies ? "follows redirects and keeps cookies" : redirects ? "follows redirects" : "keeps cookies";
            throw new InvalidOperationException($"The handler {what} (AllowAutoRedirect or UseCookies is true). A redirect would carry the EF-Access-Key header to wherever it points, so the SDK requires AllowAutoRedirect = false and UseCookies = false on a SocketsHttpHandler or HttpClientHandler. The primary handler given to the ElasticFunnels CRM client has already sent requests, so the SDK cannot change it; create a new handler with those settings.", ex);
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
}
