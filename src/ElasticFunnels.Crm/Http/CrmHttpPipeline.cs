using System.Net;
using ElasticFunnels.Crm.Serialization;
using Microsoft.Extensions.Http.Resilience;
using Refit;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// The SDK's HTTP pipeline, defined once for dependency injection and for the constructors: the
/// handlers in order, the primary handler, and the Refit settings.
/// </summary>
internal static class CrmHttpPipeline
{
    /// <summary>
    /// The Refit settings every client shares: request bodies as JSON bytes with a Content-Length
    /// (buffered, never streamed chunked); responses come back as <see cref="HttpResponseMessage"/> and
    /// the call runner reads them.
    /// </summary>
    public static readonly RefitSettings RefitSettings = new(new CrmContentSerializer())
    {
        Buffered = true,

        // Transport failures reach the call runner as they are, which gives each its typed exception.
        TransportExceptionFactory = static (_, exception, _) => exception,
    };

    /// <summary>The innermost handler: no redirects (a redirect would carry the key elsewhere), no cookies.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    /// <summary>
    /// The SDK's handlers, outermost first: resilience (retry → circuit breaker → attempt timeout) →
    /// response buffering with the size cap → request preparation (origin pinned, key, Accept, extra
    /// headers). This is the one place the order is written. With a null <paramref name="runtime"/> the chain
    /// serves many clients (the tenants of <see cref="ElasticFunnelsCrmClientFactory"/>): each request runs with
    /// the pipeline, limits and key of the client that started it.
    /// </summary>
    public static DelegatingHandler[] CreateHandlers(CrmClientRuntime? runtime) =>
    [
        runtime is null ? new ResilienceHandler(static request => CrmCall.RuntimeOf(request, null).Resilience) : new ResilienceHandler(runtime.Resilience),
        new ResponseBufferingHandler(runtime),
        new ApiRequestHandler(runtime),
    ];

    /// <summary>Links <see cref="CreateHandlers"/> in front of <paramref name="primary"/>.</summary>
    public static HttpMessageHandler CreateChain(CrmClientRuntime runtime, HttpMessageHandler primary)
    {
        var handler = primary;
        var handlers = CreateHandlers(runtime);
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = handler;
            handler = handlers[i];
        }

        return handler;
    }

    /// <summary>An HTTP client with the SDK's handlers in front of <paramref name="primary"/>, for a client made without dependency injection.</summary>
    public static HttpClient CreateHttpClient(CrmClientRuntime runtime, HttpMessageHandler primary, bool disposePrimary) =>
        Configure(new HttpClient(CreateChain(runtime, primary), disposePrimary), runtime);

    /// <summary>Gives an HTTP client the base address, and no timeout of its own (the call runner owns it).</summary>
    public static HttpClient Configure(HttpClient client, CrmClientRuntime runtime) => Configure(client, runtime.Options.BaseAddress);

    /// <summary>Gives an HTTP client <paramref name="baseAddress"/> (normalised), and no timeout of its own (the call runner owns it).</summary>
    public static HttpClient Configure(HttpClient client, Uri baseAddress)
    {
        client.BaseAddress = baseAddress;
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }
}
