using ElasticFunnels.Crm;
using ElasticFunnels.Crm.Diagnostics;
using ElasticFunnels.Crm.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ElasticFunnels CRM client with dependency injection.</summary>
public static class ElasticFunnelsCrmServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client (and of its resilience pipeline) for the unkeyed registration.</summary>
    public const string HttpClientName = "ElasticFunnels.Crm";

    /// <summary>
    /// Registers <see cref="IElasticFunnelsCrmClient"/> (a singleton) with settings bound from the
    /// <c>ElasticFunnels:Crm</c> section of the application's configuration, validated at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The HTTP client builder, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddElasticFunnelsCrm(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ElasticFunnelsCrmOptions>().BindConfiguration(ElasticFunnelsCrmOptions.DefaultSectionName);
        return AddCore(services, serviceKey: null);
    }

    /// <summary>Registers <see cref="IElasticFunnelsCrmClient"/> (a singleton) with settings set in code, validated at start-up.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, e.g. <c>o => { o.AccessKey = key; o.BrandId = 42; }</c>.</param>
    /// <returns>The HTTP client builder, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddElasticFunnelsCrm(this IServiceCollection services, Action<ElasticFunnelsCrmOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ElasticFunnelsCrmOptions>().Configure(configure);
        return AddCore(services, serviceKey: null);
    }

    /// <summary>
    /// Registers <see cref="IElasticFunnelsCrmClient"/> (a singleton) with settings bound from a configuration
    /// section, validated at start-up. Pass the <c>ElasticFunnels:Crm</c> section, or the configuration root
    /// when it holds that section.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section with <c>AccessKey</c>, <c>BrandId</c>, ...; or a root that has <c>ElasticFunnels:Crm</c>.</param>
    /// <returns>The HTTP client builder, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddElasticFunnelsCrm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ElasticFunnelsCrmOptions>().Bind(SectionOf(configuration));
        return AddCore(services, serviceKey: null);
    }

    /// <summary>
    /// Registers a keyed <see cref="IElasticFunnelsCrmClient"/> for one brand, for applications that talk to
    /// several brands (a key belongs to one brand, so each brand gets its own client). Resolve it with
    /// <c>[FromKeyedServices("brand-a")] IElasticFunnelsCrmClient crm</c> or <c>GetRequiredKeyedService</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key of this registration, e.g. the brand's name.</param>
    /// <param name="configure">Sets the options of this brand.</param>
    /// <returns>The HTTP client builder, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddKeyedElasticFunnelsCrm(this IServiceCollection services, string serviceKey, Action<ElasticFunnelsCrmOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ElasticFunnelsCrmOptions>(OptionsName(serviceKey)).Configure(configure);
        return AddCore(services, serviceKey);
    }

    /// <summary>Registers a keyed <see cref="IElasticFunnelsCrmClient"/> for one brand, with settings bound from a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key of this registration, e.g. the brand's name.</param>
    /// <param name="configuration">The section with this brand's <c>AccessKey</c>, <c>BrandId</c>, ...</param>
    /// <returns>The HTTP client builder, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddKeyedElasticFunnelsCrm(this IServiceCollection services, string serviceKey, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ElasticFunnelsCrmOptions>(OptionsName(serviceKey)).Bind(configuration);
        return AddCore(services, serviceKey);
    }

    private static IConfiguration SectionOf(IConfiguration configuration)
    {
        var conventional = configuration.GetSection(ElasticFunnelsCrmOptions.DefaultSectionName);
        return conventional.GetChildren().Any() ? conventional : configuration;
    }

    private static string OptionsName(string? serviceKey) => serviceKey is null ? Options.Options.DefaultName : $"{HttpClientName}:{serviceKey}";

    private static IHttpClientBuilder AddCore(IServiceCollection services, string? serviceKey)
    {
        var optionsName = OptionsName(serviceKey);
        var clientName = serviceKey is null ? HttpClientName : $"{HttpClientName}:{serviceKey}";

        services.AddOptions<ElasticFunnelsCrmOptions>(optionsName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ElasticFunnelsCrmOptions>, ElasticFunnelsCrmOptionsValidator>());

        var builder = services.AddHttpClient(clientName)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = Get(sp, optionsName);
                client.BaseAddress = CrmHttpPipeline.NormalizeBaseAddress(options.BaseAddress);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(CrmHttpPipeline.CreatePrimaryHandler)
            .RedactLoggedHeaders(LoggedHeaders.ShouldRedact);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, CrmPrimaryHandlerFilter>());

        // Added first, so it is the outermost handler: one span and one log line per call, retries inside.
        builder.AddHttpMessageHandler(sp => new TelemetryHandler(
            sp.GetService<ILoggerFactory>()?.CreateLogger(ElasticFunnelsCrmTelemetry.LoggerCategory) ?? NullLogger.Instance));
        builder.AddResilienceHandler(clientName, (pipeline, context) =>
            CrmResiliencePipeline.Configure(pipeline, Get(context.ServiceProvider, optionsName), context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.AddHttpMessageHandler(sp => new ResponseBufferingHandler(Get(sp, optionsName).MaxResponseContentBytes));
        builder.AddHttpMessageHandler(sp => new AccessKeyHandler(Get(sp, optionsName)));

        if (serviceKey is null)
        {
            services.TryAddSingleton(sp => Create(sp, clientName, optionsName));
            services.TryAddSingleton<IElasticFunnelsCrmClient>(sp => sp.GetRequiredService<ElasticFunnelsCrmClient>());
        }
        else
        {
            services.TryAddKeyedSingleton(serviceKey, (sp, _) => Create(sp, clientName, optionsName));
            services.TryAddKeyedSingleton<IElasticFunnelsCrmClient>(serviceKey, (sp, key) => sp.GetRequiredKeyedService<ElasticFunnelsCrmClient>(key));
        }

        return builder;
    }

    private static ElasticFunnelsCrmOptions Get(IServiceProvider services, string optionsName)
    {
        var options = services.GetRequiredService<IOptionsMonitor<ElasticFunnelsCrmOptions>>().Get(optionsName).Clone();
        options.BaseAddress = CrmHttpPipeline.NormalizeBaseAddress(options.BaseAddress);
        return options;
    }

    private static ElasticFunnelsCrmClient Create(IServiceProvider services, string clientName, string optionsName)
    {
        var httpClient = services.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);
        return new ElasticFunnelsCrmClient(httpClient, Get(services, optionsName), ownsHttpClient: false, services.GetService<TimeProvider>());
    }
}
