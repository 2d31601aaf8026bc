using ElasticFunnels.Crm;
using ElasticFunnels.Crm.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares the ElasticFunnels CRM request budget across processes through Redis.</summary>
public static class RedisRateLimitingServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the request budget of every ElasticFunnels CRM client registered in this container (plain and
    /// keyed) in Redis, so that all processes using that Redis and the same access key share one budget.
    /// A client whose options name a store of their own (<see cref="CrmRateLimitOptions.UseStore"/>) keeps it.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>; the connection is opened on first use, with 250 ms timeouts.</param>
    /// <param name="configure">Key naming and expiry; null for the defaults.</param>
    /// <returns>The services, to chain calls.</returns>
    /// <example><code>
    /// builder.Services.AddElasticFunnelsCrm(builder.Configuration.GetSection("ElasticFunnels:Crm"));
    /// builder.Services.AddElasticFunnelsCrmRedisRateLimiting("localhost:6379");
    /// </code></example>
    public static IServiceCollection AddElasticFunnelsCrmRedisRateLimiting(this IServiceCollection services, string configuration, Action<RedisRateLimitStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var options = Configure(configure);
        services.TryAddSingleton<CrmRateLimitStore>(_ => RedisRateLimitStore.Connect(configuration, options));
        return services;
    }

    /// <summary>
    /// Keeps the request budget of every ElasticFunnels CRM client in this container in Redis, over a
    /// connection the application already has (it stays the application's to dispose).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connection">Gets the application's Redis connection.</param>
    /// <param name="configure">Key naming and expiry; null for the defaults.</param>
    /// <returns>The services, to chain calls.</returns>
    public static IServiceCollection AddElasticFunnelsCrmRedisRateLimiting(this IServiceCollection services, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<RedisRateLimitStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        var options = Configure(configure);
        services.TryAddSingleton<CrmRateLimitStore>(sp => new RedisRateLimitStore(connection(sp), options));
        return services;
    }

    private static RedisRateLimitStoreOptions Configure(Action<RedisRateLimitStoreOptions>? configure)
    {
        var options = new RedisRateLimitStoreOptions();
        configure?.Invoke(options);
        return options;
    }
}
