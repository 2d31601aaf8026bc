using System.Net;
using ElasticFunnels.Crm.Diagnostics;
using ElasticFunnels.Crm.Serialization;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Refit;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Assembles the HTTP pipeline of a client built without dependency injection (the DI path assembles
/// the same handlers through <c>IHttpClientBuilder</c>), and the Refit settings both paths share.
/// </summary>
internal static class CrmHttpPipeline
{
    /// <summary>The innermost handler: no redirects (a redirect would carry the key elsewhere), no cookies.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    /// <summary>telemetry → resilience → response buffering (size cap) → access key → <paramref name="primary"/>.</summary>
    public static HttpMessageHandler CreateChain(ElasticFunnelsCrmOptions options, HttpMessageHandler primary, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        CrmResiliencePipeline.Configure(builder, options, timeProvider);
        return new TelemetryHandler(logger)
        {
            InnerHandler = new ResilienceHandler(builder.Build())
            {
                InnerHandler = new ResponseBufferingHandler(options.MaxResponseContentBytes)
                {
                    InnerHandler = new AccessKeyHandler(options) { InnerHandler = primary },
                },
            },
        };
    }

    /// <summary>The base address with exactly one trailing slash, so <c>.../api</c> and <c>.../api/</c> behave the same.</summary>
    public static Uri NormalizeBaseAddress(Uri baseAddress) =>
        new(baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");

    public static RefitSettings CreateRefitSettings(ApiErrorFactory errors)
    {
        var settings = RefitSettings.ForJsonContext(CrmJsonContext.Default);
        settings.ExceptionFactory = errors.CreateAsync;
        settings.TransportExceptionFactory = (_, exception, _) => exception;
        return settings;
    }
}
