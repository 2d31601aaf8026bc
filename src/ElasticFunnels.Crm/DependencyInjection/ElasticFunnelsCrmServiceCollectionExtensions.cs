using ElasticFunnels.Crm;
using ElasticFunnels.Crm.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ElasticFunnels CRM client with dependency injection.</summary>
/// <remarks>
/// <para>
/// Which options a client reads is a stable contract: the unkeyed client (<c>AddElasticFunnelsCrm</c>) reads the
/// default, unnamed <see cref="ElasticFunnelsCrmOptions"/>; a keyed client reads the named options whose name is its
/// service key. So <c>services.PostConfigure&lt;ElasticFunnelsCrmOptions&gt;(o =&gt; ...)</c> changes the unkeyed client and
/// <c>services.PostConfigure&lt;ElasticFunnelsCrmOptions&gt;("brand-b", o =&gt; ...)</c> the client registered with
/// <c>AddKeyedElasticFunnelsCrm("brand-b", ...)</c>; <c>Configure</c> works the same way and runs before every
/// <c>PostConfigure</c>.
/// </para>
/// <para>
/// The options are validated at start-up, after every <c>Configure</c> and <c>PostConfigure</c>. A failure is an
/// <see cref="OptionsValidationException"/> whose message names the client (its service key, or that it is the unkeyed
/// one) and the setting as it was given: the configuration path that was bound (e.g. <c>Brands:B:AccessKey</c>) or,
/// for the overloads that take an <see cref="Action{T}"/>, the property (e.g. <c>ElasticFunnelsCrmOptions.AccessKey</c>).
/// </para>
/// </remarks>
public static partial class ElasticFunnelsCrmServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client (and of its resilience pipeline) for the unkeyed registration.</summary>
    public const string HttpClientName = "ElasticFunnels.Crm";

    /// <summary>The name of the one HTTP client that every client of <see cref="ElasticFunnelsCrmClientFactory"/> shares.</summary>
    public const string ClientFactoryHttpClientName = "ElasticFunnels.Crm.ClientFactory";

    /// <summary>
    /// Registers <see cref="IElasticFunnelsCrmClient"/> (a singleton) with settings bound from the
    /// <c>ElasticFunnels:Crm</c> section of the application's configuration, validated at start-up.
    /// </summary>
    /// <remarks><inheritdoc cref="AddElasticFunnelsCrm(IServiceCollection, IConfiguration)" path="/remarks"/></remarks>
    /// <param name="services">The services.</param>
    /// <returns>The HTTP client builder, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddElasticFunnelsCrm(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ElasticFunnelsCrmOptions>().BindConfiguration(ElasticFunnelsCrmOptions.DefaultSectionName);
        return AddCore(services, new CrmOptionsSource(Options.Options.DefaultName, null, ElasticFunnelsCrmOptions.DefaultSectionName, Section: null));
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
        return AddCore(services, new CrmOptionsSource(Options.Options.DefaultName, null, SectionPath: null, Section: null));
    }

    /// <summary>
    /// Registers <see cref="IElasticFunnelsCrmClient"/> (a singleton) with settings bound from a configuration
    /// section, validated at start-up. Pass the <c>ElasticFunnels:Crm</c> section, or the configuration root
    /// when it holds that section.
    /// </summary>
    /// <remarks>
    /// The client follows configuration reloads of <c>AccessKey</c> only: a new key is used by every call that
    /// starts after the reload, without a restart, and a call already running finishes with the key it started
    /// with (if that key is refused with 401 and retries are on, the call is sent once more with the new key).
    /// The new key gets its own request budget. A reload that makes the settings invalid (an empty key, say)
    /// is logged as a warning and the client keeps its last valid key. Other settings (<c>BrandId</c>,
    /// <c>BaseAddress</c>, timeouts, retries, rate limits) are read once, when the client is first resolved;
    /// a reload that changes them is logged as a warning and they apply after a restart.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section with <c>AccessKey</c>, <c>BrandId</c>, ...; or a root that has <c>ElasticFunnels:Crm</c>.</param>
    /// <returns>The HTTP client builder, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddElasticFunnelsCrm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = SectionOf(configuration);
        services.AddOptions<ElasticFunnelsCrmOptions>().Bind(section);
        return AddCore(services, new CrmOptionsSource(Options.Options.DefaultName, null, PathOf(section), section));
    }

    /// <summary>
    /// Registers a keyed <see cref="IElasticFunnelsCrmClient"/> for one brand, for applications that talk to
    /// several brands (a key belongs to one brand, so each brand gets its own client). Resolve it with
    /// <c>[FromKeyedServices("brand-a")] IElasticFunnelsCrmClient crm</c> or <c>GetRequiredKeyedService</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key of this registration, e.g. the brand's name; also the name of the client's options.</param>
    /// <param name="configure">Sets the options of this brand.</param>
    /// <returns>The HTTP client builder, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddKeyedElasticFunnelsCrm(this IServiceCollection services, string serviceKey, Action<ElasticFunnelsCrmOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ElasticFunnelsCrmOptions>(serviceKey).Configure(configure);
        return AddCore(services, new CrmOptionsSource(serviceKey, serviceKey, SectionPath: null, Section: null));
    }

    /// <summary>Registers a keyed <see cref="IElasticFunnelsCrmClient"/> for one brand, with settings bound from a configuration section.</summary>
    /// <remarks><inheritdoc cref="AddElasticFunnelsCrm(IServiceCollection, IConfiguration)" path="/remarks"/></remarks>
    /// <param name="services">The services.</param>
    /// <param name="serviceKey">The key of this registration, e.g. the brand's name; also the name of the client's options.</param>
    /// <param name="configuration">The section with this brand's <c>AccessKey</c>, <c>BrandId</c>, ...</param>
    /// <returns>The HTTP client builder, to chain handlers of your own.</returns>
    public static IHttpClientBuilder AddKeyedElasticFunnelsCrm(this IServiceCollection services, string serviceKey, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceKey);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ElasticFunnelsCrmOptions>(serviceKey).Bind(configuration);
        return AddCore(services, new CrmOptionsSource(serviceKey, serviceKey, PathOf(configuration), configuration));
    }

    private static IConfiguration SectionOf(IConfiguration configuration)
    {
        var conventional = configuration.GetSection(ElasticFunnelsCrmOptions.DefaultSectionName);
        return conventional.GetChildren().Any() ? conventional : configuration;
    }

    /// <summary>The path of a bound section; empty for a configuration root, whose keys are the settings themselves.</summary>
    private static string PathOf(IConfiguration configuration) => configuration is IConfigurationSection section ? section.Path : string.Empty;

    private static IHttpClientBuilder AddCore(IServiceCollection services, CrmOptionsSource source)
    {
        var serviceKey = source.ServiceKey;
        var optionsName = source.OptionsName;
        var clientName = serviceKey is null ? HttpClientName : $"{HttpClientName}:{serviceKey}";
        var runtimeKey = new RuntimeKey(optionsName);

        services.AddOptions<ElasticFunnelsCrmOptions>(optionsName).ValidateOnStart();
        services.AddSingleton(source);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ElasticFunnelsCrmOptions>, ElasticFunnelsCrmOptionsValidator>(
            sp => new ElasticFunnelsCrmOptionsValidator(sp.GetServices<CrmOptionsSource>())));

        // One runtime per registration: its settings, clock, logger and resilience pipeline, shared by every
        // handler chain IHttpClientFactory builds for it, so the circuit breaker keeps its state. Its reloader
        // keeps the key in step with the configuration and is disposed with the container.
        services.TryAddKeyedSingleton(runtimeKey, (sp, _) => new CrmOptionsReloader(sp, optionsName, serviceKey));

        var builder = AddSdkHttpClient(services, clientName, sp => Runtime(sp, runtimeKey), sp => Runtime(sp, runtimeKey).Options.BaseAddress);

        if (serviceKey is null)
        {
            services.TryAddSingleton(sp => Create(sp, clientName, runtimeKey));
            services.TryAddSingleton<IElasticFunnelsCrmClient>(sp => sp.GetRequiredService<ElasticFunnelsCrmClient>());
        }
        else
        {
            services.TryAddKeyedSingleton(serviceKey, (sp, _) => Create(sp, clientName, runtimeKey));
            services.TryAddKeyedSingleton<IElasticFunnelsCrmClient>(serviceKey, (sp, key) => sp.GetRequiredKeyedService<ElasticFunnelsCrmClient>(key));
        }

        return builder;
    }

    /// <summary>
    /// The SDK's named HTTP client: its primary handler, header redaction in IHttpClientFactory's logs, and the
    /// SDK's handlers, for one client's <paramref name="runtime"/> or, when that gives null, for every client of
    /// the tenant factory.
    /// </summary>
    private static IHttpClientBuilder AddSdkHttpClient(IServiceCollection services, string name, Func<IServiceProvider, CrmClientRuntime?> runtime, Func<IServiceProvider, Uri> baseAddress)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, CrmPrimaryHandlerFilter>());
        return services.AddHttpClient(name)
            .ConfigureHttpClient((sp, client) => CrmHttpPipeline.Configure(client, baseAddress(sp)))
            .ConfigurePrimaryHttpMessageHandler(CrmHttpPipeline.CreatePrimaryHandler)
            .RedactLoggedHeaders(LoggedHeaders.ShouldRedact)
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                // Registered before anything the application chains, so the SDK's handlers are outermost.
                foreach (var handler in CrmHttpPipeline.CreateHandlers(runtime(sp)))
                {
                    handlers.Add(handler);
                }
            });
    }

    private static CrmClientRuntime Runtime(IServiceProvider services, RuntimeKey key) =>
        services.GetRequiredKeyedService<CrmOptionsReloader>(key).Runtime;

    private static ElasticFunnelsCrmClient Create(IServiceProvider services, string clientName, RuntimeKey key) =>
        new(services.GetRequiredService<IHttpClientFactory>().CreateClient(clientName), Runtime(services, key), ownsHttpClient: false);

    /// <summary>The service key of a registration's runtime; a type of its own, so it cannot clash with an application's keys.</summary>
    private sealed record RuntimeKey(string OptionsName);
}
