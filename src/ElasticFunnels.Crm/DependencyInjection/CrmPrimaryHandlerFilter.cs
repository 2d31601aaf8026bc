using ElasticFunnels.Crm.Http;
using Microsoft.Extensions.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Runs after every other configuration of the SDK's named HTTP clients, so that even a primary
/// handler the application supplies (<c>ConfigurePrimaryHttpMessageHandler(() =&gt; new HttpClientHandler { Proxy = ... })</c>)
/// follows no redirects and keeps no cookies.
/// </summary>
internal sealed class CrmPrimaryHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (IsSdkClient(builder.Name))
        {
            PrimaryHandlerRules.Enforce(builder.PrimaryHandler);
        }
    };

    private static bool IsSdkClient(string? name) =>
        name is not null
        && (name == ElasticFunnelsCrmServiceCollectionExtensions.HttpClientName
            || name == ElasticFunnelsCrmServiceCollectionExtensions.ClientFactoryHttpClientName
            || name.StartsWith(ElasticFunnelsCrmServiceCollectionExtensions.HttpClientName + ":", StringComparison.Ordinal));
}
