using ElasticFunnels.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the tenant factory, for brands known only at run time.</summary>
public static partial class ElasticFunnelsCrmServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IElasticFunnelsCrmClientFactory"/> and <see cref="ElasticFunnelsCrmClientFactory"/>
    /// (singletons) with the default settings, for applications that serve brands known only at run time.
    /// </summary>
    /// <remarks><inheritdoc cref="AddElasticFunnelsCrmClientFactory(IServiceCollection, Action{ElasticFunnelsCrmClientFactoryOptions})" path="/remarks"/></remarks>
    /// <param name="services">The services.</param>
    /// <returns>The builder of the one HTTP client all the factory's clients share, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddElasticFunnelsCrmClientFactory(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddClientFactoryCore(services);
    }

    /// <summary>
    /// Registers <see cref="IElasticFunnelsCrmClientFactory"/> and <see cref="ElasticFunnelsCrmClientFactory"/>
    /// (singletons) with settings set in code, validated at start-up.
    /// </summary>
    /// <remarks>
    /// Every client the factory creates shares <see cref="ElasticFunnelsCrmClientFactoryOptions.Defaults"/> and the
    /// handlers of one HTTP client named <see cref="ClientFactoryHttpClientName"/>, built and rotated by
    /// <c>IHttpClientFactory</c>; handlers chained on the returned builder therefore run for every brand.
    /// The settings are read once, when the factory is first resolved.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the shared settings, e.g. <c>o =&gt; { o.Defaults.Timeout = TimeSpan.FromSeconds(30); o.MaxCachedClients = 500; }</c>.</param>
    /// <returns>The builder of the one HTTP client all the factory's clients share, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddElasticFunnelsCrmClientFactory(this IServiceCollection services, Action<ElasticFunnelsCrmClientFactoryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ElasticFunnelsCrmClientFactoryOptions>().Configure(configure);
        return AddClientFactoryCore(services);
    }

    /// <summary>
    /// Registers <see cref="IElasticFunnelsCrmClientFactory"/> and <see cref="ElasticFunnelsCrmClientFactory"/>
    /// (singletons) with settings bound from a configuration section (<c>MaxCachedClients</c>, <c>Defaults:Timeout</c>,
    /// <c>Defaults:BaseAddress</c>, ...), validated at start-up.
    /// </summary>
    /// <remarks><inheritdoc cref="AddElasticFunnelsCrmClientFactory(IServiceCollection, Action{ElasticFunnelsCrmClientFactoryOptions})" path="/remarks"/></remarks>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section with the factory's settings.</param>
    /// <returns>The builder of the one HTTP client all the factory's clients share, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddElasticFunnelsCrmClientFactory(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ElasticFunnelsCrmClientFactoryOptions>().Bind(configuration);
        return AddClientFactoryCore(services);
    }

    private static IHttpClientBuilder AddClientFactoryCore(IServiceCollection services)
    {
        services.AddOptions<ElasticFunnelsCrmClientFactoryOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ElasticFunnelsCrmClientFactoryOptions>, ElasticFunnelsCrmClientFactoryOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var httpClients = sp.GetRequiredService<IHttpClientFactory>();
            return new ElasticFunnelsCrmClientFactory(
                sp.GetRequiredService<IOptions<ElasticFunnelsCrmClientFactoryOptions>>().Value,
                () => httpClients.CreateClient(ClientFactoryHttpClientName),
                sp.GetService<TimeProvider>(),
                sp.GetService<ILoggerFactory>(),
                sp.GetService<CrmRateLimitStore>());
        });
        services.TryAddSingleton<IElasticFunnelsCrmClientFactory>(sp => sp.GetRequiredService<ElasticFunnelsCrmClientFactory>());

        // A null runtime: the handlers serve every client of the factory, each request with its own client's settings and key.
        return AddSdkHttpClient(services, ClientFactoryHttpClientName, static _ => null, static sp => sp.GetRequiredService<ElasticFunnelsCrmClientFactory>().BaseAddress);
    }
}
