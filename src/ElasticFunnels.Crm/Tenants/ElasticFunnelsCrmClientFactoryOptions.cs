namespace ElasticFunnels.Crm;

/// <summary>
/// Settings of <see cref="ElasticFunnelsCrmClientFactory"/>: what every tenant's client shares, and how
/// many clients the factory keeps. Read once, when the factory is created; validated at start-up.
/// </summary>
/// <remarks>
/// Defaults: <see cref="Defaults"/> as documented on <see cref="ElasticFunnelsCrmOptions"/>;
/// <see cref="MaxCachedClients"/> 100 (1 to 100 000).
/// </remarks>
public sealed class ElasticFunnelsCrmClientFactoryOptions
{
    /// <summary>
    /// The settings every tenant's client starts from: <see cref="ElasticFunnelsCrmOptions.BaseAddress"/>,
    /// timeouts, <see cref="ElasticFunnelsCrmOptions.Retry"/>, <see cref="ElasticFunnelsCrmOptions.CircuitBreaker"/>,
    /// <see cref="ElasticFunnelsCrmOptions.RateLimit"/>, ... Leave <see cref="ElasticFunnelsCrmOptions.AccessKey"/>
    /// and <see cref="ElasticFunnelsCrmOptions.BrandId"/> unset: each tenant's come from
    /// <see cref="IElasticFunnelsCrmClientFactory.GetClient(long, string)"/>. Each client gets its own circuit
    /// breaker; the request budget is per key, as always.
    /// </summary>
    public ElasticFunnelsCrmOptions Defaults { get; set; } = new();

    /// <summary>
    /// How many clients (one per brand and key) the factory keeps; when a new one would exceed it, the one
    /// used least recently is dropped from the cache (it keeps working for whoever still holds it). Default 100.
    /// </summary>
    public int MaxCachedClients { get; set; } = 100;
}
