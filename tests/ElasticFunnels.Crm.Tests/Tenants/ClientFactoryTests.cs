using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ElasticFunnels.Crm.Tests.Tenants;

/// <summary>
/// The tenant factory: clients for brands known at run time, cached with a bound, sharing one handler chain
/// from IHttpClientFactory, each sending its own brand and key, and no key in any log.
/// </summary>
public sealed class ClientFactoryTests : IDisposable
{
    private const string CanaryPrefix = "ef_live_tenant_canary_";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly CapturingLoggerProvider _logs = new();
    private int _handlersBuilt;

    public ClientFactoryTests()
    {
        _server.Given(Request.Create().WithPath("/api/brands/*/crm/entities").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("[" + Replies.EntityJson + "]"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetClient_FiftyBrandsWithBoundOfTen_BoundHoldsHandlersSharedEachSendsItsOwnBrandAndKey()
    {
        await using var provider = Provider(maxCachedClients: 10);
        var factory = provider.GetRequiredService<ElasticFunnelsCrmClientFactory>();

        var first = factory.GetClient(BrandOf(1), KeyOf(1));
        foreach (var tenant in Enumerable.Range(1, 50))
        {
            var crm = factory.GetClient(BrandOf(tenant), KeyOf(tenant));
            Assert.Single(await crm.Entities.ListAsync(Ct));
            Assert.InRange(factory.Count, 1, 10);
        }

        Assert.Same(provider.GetRequiredService<IElasticFunnelsCrmClientFactory>(), factory);
        Assert.Equal(10, factory.Count);
        Assert.Equal(1, _handlersBuilt);
        Assert.Equal(
            Enumerable.Range(1, 50).Select(t => $"/api/brands/{BrandOf(t)}/crm/entities {KeyOf(t)}"),
            _server.LogEntries.Select(e => $"{e.RequestMessage!.Path} {string.Join(",", e.RequestMessage.Headers!["EF-Access-Key"])}"));

        // The most recent tenants are cached; the first was dropped, so asking again creates a new client,
        // and the dropped one still works for whoever holds it.
        Assert.Same(factory.GetClient(BrandOf(50), KeyOf(50)), factory.GetClient(BrandOf(50), KeyOf(50)));
        Assert.NotSame(first, factory.GetClient(BrandOf(1), KeyOf(1)));
        Assert.Equal(10, factory.Count);
        Assert.Single(await first.Entities.ListAsync(Ct));
        Assert.Equal($"/api/brands/{BrandOf(1)}/crm/entities {KeyOf(1)}", Describe(_server.LogEntries[^1]));

        Assert.Contains(_logs.Records, r => r.Contains("ElasticFunnels CRM Entities.List", StringComparison.Ordinal));
        Assert.Contains(_logs.Records, r => r.Contains("System.Net.Http.HttpClient." + ElasticFunnelsCrmServiceCollectionExtensions.ClientFactoryHttpClientName, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Records, r => r.Contains(CanaryPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(CanaryPrefix, factory.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryPrefix, first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetClient_SameBrandTwoKeys_TwoClientsEachWithItsKey()
    {
        await using var provider = Provider(maxCachedClients: 10);
        var factory = provider.GetRequiredService<IElasticFunnelsCrmClientFactory>();

        var a = factory.GetClient(7, KeyOf(1));
        var b = factory.GetClient(7, KeyOf(2));
        await a.Entities.ListAsync(Ct);
        await b.Entities.ListAsync(Ct);

        Assert.NotSame(a, b);
        Assert.Same(a, factory.GetClient(7, KeyOf(1)));
        Assert.Equal([$"/api/brands/7/crm/entities {KeyOf(1)}", $"/api/brands/7/crm/entities {KeyOf(2)}"], _server.LogEntries.Select(Describe));
    }

    [Fact]
    public async Task GetClient_ManyThreadsAskForTheSameTenants_OneClientPerTenantAndBoundHolds()
    {
        await using var provider = Provider(maxCachedClients: 4);
        var factory = provider.GetRequiredService<ElasticFunnelsCrmClientFactory>();

        var clients = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => (Tenant: i % 4, Client: factory.GetClient(BrandOf(i % 4), KeyOf(i % 4))), Ct)));

        Assert.Equal(4, factory.Count);
        Assert.All(clients.GroupBy(c => c.Tenant), group => Assert.Single(group.Select(c => c.Client).Distinct()));
    }

    [Theory]
    [InlineData(0, "key", "brandId")]
    [InlineData(-3, "key", "brandId")]
    [InlineData(5, "", "accessKey")]
    [InlineData(5, "  ", "accessKey")]
    [InlineData(5, CanaryPrefix + "with\nbreak", "accessKey")]
    [InlineData(5, CanaryPrefix + "é", "accessKey")]
    public async Task GetClient_InvalidArguments_ThrowsBeforeAnyRequestWithoutTheKey(long brandId, string accessKey, string parameter)
    {
        await using var provider = Provider(maxCachedClients: 10);
        var factory = provider.GetRequiredService<IElasticFunnelsCrmClientFactory>();

        var error = Assert.ThrowsAny<ArgumentException>(() => factory.GetClient(brandId, accessKey));

        Assert.Equal(parameter, error.ParamName);
        Assert.DoesNotContain(CanaryPrefix, error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.LogEntries);
    }

    [Fact]
    public async Task SharedHttpClient_RequestNotFromAFactoryClient_RefusedWithoutSending()
    {
        await using var provider = Provider(maxCachedClients: 10);
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ElasticFunnelsCrmServiceCollectionExtensions.ClientFactoryHttpClientName);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync(new Uri("brands/1/crm/entities", UriKind.Relative), Ct));

        Assert.Contains("GetClient(brandId, accessKey)", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.LogEntries);
    }

    [Theory]
    [InlineData(0, null, 0, "ElasticFunnelsCrmClientFactoryOptions.MaxCachedClients must be between 1 and 100000 (was 0).")]
    [InlineData(10, "a-key", 0, "ElasticFunnelsCrmClientFactoryOptions.Defaults.AccessKey must be left empty")]
    [InlineData(10, null, 42, "ElasticFunnelsCrmClientFactoryOptions.Defaults.BrandId must be left at 0 (was 42)")]
    public void AddElasticFunnelsCrmClientFactory_InvalidOptions_FailsWhenResolvedWithMessage(int maxCachedClients, string? key, long brandId, string expected)
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrmClientFactory(o =>
        {
            o.MaxCachedClients = maxCachedClients;
            o.Defaults.AccessKey = key;
            o.Defaults.BrandId = brandId;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IElasticFunnelsCrmClientFactory>());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddElasticFunnelsCrmClientFactory_InvalidDefaults_NamesTheSharedSetting()
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrmClientFactory(o => o.Defaults.BaseAddress = new Uri("http://crm.example.com/api/"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ElasticFunnelsCrmClientFactory>());

        Assert.Contains("ElasticFunnelsCrmClientFactoryOptions.Defaults: ElasticFunnelsCrmOptions.BaseAddress must use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddElasticFunnelsCrmClientFactory_Configuration_BindsDefaultsAndBound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:MaxCachedClients"] = "2",
            ["Tenants:Defaults:BaseAddress"] = _server.Url + "/api",
        }).Build();
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrmClientFactory(configuration.GetSection("Tenants"));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ElasticFunnelsCrmClientFactory>();

        foreach (var tenant in Enumerable.Range(1, 3))
        {
            await factory.GetClient(BrandOf(tenant), KeyOf(tenant)).Entities.ListAsync(Ct);
        }

        Assert.Equal(2, factory.MaxCachedClients);
        Assert.Equal(2, factory.Count);
        Assert.Equal(3, _server.LogEntries.Count);
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static long BrandOf(int tenant) => 1000 + tenant;

    private static string KeyOf(int tenant) => $"{CanaryPrefix}{tenant:D2}_7c1e";

    private static string Describe(WireMock.Logging.ILogEntry entry) =>
        $"{entry.RequestMessage!.Path} {string.Join(",", entry.RequestMessage.Headers!["EF-Access-Key"])}";

    private ServiceProvider Provider(int maxCachedClients)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddElasticFunnelsCrmClientFactory(o =>
            {
                o.Defaults.BaseAddress = new Uri(_server.Url + "/api/");
                o.Defaults.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
                o.Defaults.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
                o.MaxCachedClients = maxCachedClients;
            })
            .AddHttpMessageHandler(() =>
            {
                // Built by IHttpClientFactory once per handler lifetime, whatever the number of tenants.
                Interlocked.Increment(ref _handlersBuilt);
                return new PassThroughHandler();
            });
        return services.BuildServiceProvider();
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
