using System.Globalization;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.RateLimiting;
using ElasticFunnels.Crm.Tenants;
using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm;

/// <summary>
/// Creates and caches clients for brands known only at run time. Every client shares the factory's
/// settings (<see cref="ElasticFunnelsCrmClientFactoryOptions.Defaults"/>) and one HTTP pipeline from
/// <c>IHttpClientFactory</c> (named <c>ElasticFunnels.Crm.ClientFactory</c>): handlers and connections are
/// shared and rotated by <c>IHttpClientFactory</c>, not built per brand. Each client has its own circuit
/// breaker; each key its own request budget. Thread-safe; registered as a singleton by
/// <c>services.AddElasticFunnelsCrmClientFactory(...)</c>.
/// </summary>
/// <remarks>
/// Clients are cached per brand and key, up to <see cref="MaxCachedClients"/>; the one used least recently
/// is dropped first, and keeps working for whoever still holds it. The cache is keyed by the brand id and a
/// keyed hash (HMAC-SHA256) of the key, never by the key itself. A brand whose key changes is asked for with
/// the new key; the client of the old key leaves the cache in its turn.
/// </remarks>
public sealed class ElasticFunnelsCrmClientFactory : IElasticFunnelsCrmClientFactory
{
    private readonly ElasticFunnelsCrmOptions _defaults;
    private readonly Func<HttpClient> _createHttpClient;
    private readonly TimeProvider? _timeProvider;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly CrmRateLimitStore? _sharedStore;
    private readonly BoundedClientCache<ElasticFunnelsCrmClient> _clients;

    internal ElasticFunnelsCrmClientFactory(ElasticFunnelsCrmClientFactoryOptions options, Func<HttpClient> createHttpClient, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, CrmRateLimitStore? sharedStore)
    {
        _defaults = options.Defaults.Clone();
        _defaults.BaseAddress = CrmClientRuntime.NormalizeBaseAddress(options.Defaults.BaseAddress);
        _createHttpClient = createHttpClient;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _sharedStore = sharedStore;
        MaxCachedClients = options.MaxCachedClients;
        _clients = new(options.MaxCachedClients);
    }

    /// <summary>How many clients the factory holds now; never more than <see cref="MaxCachedClients"/>.</summary>
    public int Count => _clients.Count;

    /// <summary>The most clients the factory holds (<see cref="ElasticFunnelsCrmClientFactoryOptions.MaxCachedClients"/>).</summary>
    public int MaxCachedClients { get; }

    /// <summary>The API base address every client of this factory talks to.</summary>
    internal Uri BaseAddress => _defaults.BaseAddress;

    /// <inheritdoc />
    public IElasticFunnelsCrmClient GetClient(long brandId, string accessKey)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(brandId);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        if (accessKey.Any(c => char.IsControl(c) || c > '\u007e'))
        {
            throw new ArgumentException("The access key contains characters that cannot be sent in an HTTP header (control or non-ASCII characters); pass it without spaces or line breaks.", nameof(accessKey));
        }

        // The same keyed hash that names the key's request budget: stable, and it reveals nothing of the key.
        var id = string.Create(CultureInfo.InvariantCulture, $"{brandId}:{BudgetId.For(_defaults.BaseAddress, accessKey)}");
        return _clients.GetOrAdd(id, (this, brandId, accessKey), static state => state.Item1.Create(state.brandId, state.accessKey));
    }

    /// <summary>Describes the factory; it holds no key of its own.</summary>
    /// <returns>For example <c>ElasticFunnelsCrmClientFactory { BaseAddress = https://app.elasticfunnels.io/api/, Count = 3, MaxCachedClients = 100 }</c>.</returns>
    public override string ToString() =>
        $"ElasticFunnelsCrmClientFactory {{ BaseAddress = {BaseAddress}, Count = {Count}, MaxCachedClients = {MaxCachedClients} }}";

    private ElasticFunnelsCrmClient Create(long brandId, string accessKey)
    {
        var options = _defaults.Clone();
        options.BrandId = brandId;
        options.AccessKey = accessKey;
        var runtime = CrmClientRuntime.Create(options, _timeProvider, _loggerFactory, sharedStore: _sharedStore);
        return new ElasticFunnelsCrmClient(_createHttpClient(), runtime, ownsHttpClient: false);
    }
}
