using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// What a client registered with dependency injection is built from: the rate-limit store its options name wins
/// over one registered in the container, which serves the clients that name none; and the SDK's named HTTP client
/// belongs to that one client, so a request sent through it directly carries that client's key.
/// </summary>
public sealed class DependencyInjectionRuntimeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Grants every request at once and counts how often it was asked.</summary>
    private sealed class GrantingStore : CrmRateLimitStore
    {
        private int _acquires;

        public int Acquires => Volatile.Read(ref _acquires);

        public override ValueTask<CrmRateLimitLease> AcquireAsync(string budgetId, CrmRateLimitPolicy policy, TimeSpan maxWait, CrmRateLimitLease? previous, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _acquires);
            return ValueTask.FromResult(new CrmRateLimitLease(true, TimeSpan.Zero, 1, 1));
        }

        public override ValueTask ReleaseAsync(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitLease lease, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public override ValueTask ReportAsync(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitLease lease, bool refused, TimeSpan? retryAfter, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private static ServiceProvider Provider(CrmStub stub, CrmRateLimitStore registered, CrmRateLimitStore? named)
    {
        var services = new ServiceCollection();
        services.AddSingleton(registered);
        services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = CrmStub.AccessKey;
            o.BrandId = CrmStub.BrandId;
            o.BaseAddress = new Uri(stub.Server.Url!.TrimEnd('/') + "/api");
            if (named is not null)
            {
                o.RateLimit.UseStore(named);
            }
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task RateLimitStore_NamedInTheOptions_WinsOverTheOneRegisteredInTheContainer()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1", json: Replies.EntityJson);
        var registered = new GrantingStore();
        var named = new GrantingStore();
        using var provider = Provider(stub, registered, named);

        await provider.GetRequiredService<IElasticFunnelsCrmClient>().Entities.GetAsync(1, Ct);

        Assert.Equal(1, named.Acquires);
        Assert.Equal(0, registered.Acquires);
    }

    [Fact]
    public async Task RateLimitStore_NoneNamedInTheOptions_TheContainersIsUsed()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1", json: Replies.EntityJson);
        var registered = new GrantingStore();
        using var provider = Provider(stub, registered, named: null);

        await provider.GetRequiredService<IElasticFunnelsCrmClient>().Entities.GetAsync(1, Ct);

        Assert.Equal(1, registered.Acquires);
    }

    [Fact]
    public async Task NamedHttpClient_RequestSentThroughItDirectly_CarriesTheClientsKey()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1", json: Replies.EntityJson);
        using var provider = Provider(stub, new GrantingStore(), named: null);
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ElasticFunnelsCrmServiceCollectionExtensions.HttpClientName);

        using var response = await http.GetAsync(new Uri("brands/42/crm/entities/1", UriKind.Relative), Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var sent = stub.SingleRequest().RequestMessage!;
        Assert.Equal([CrmStub.AccessKey], sent.Headers!["EF-Access-Key"]);
    }
}
