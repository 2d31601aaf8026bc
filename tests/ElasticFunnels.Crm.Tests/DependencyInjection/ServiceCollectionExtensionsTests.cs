using System.Net;
using System.Text;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ElasticFunnels.Crm.Tests.DependencyInjection;

public sealed class ServiceCollectionExtensionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddElasticFunnelsCrm_Action_ResolvesSingletonThatCallsTheApi()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entity-presets", json: CrmStub.Fixture("presets/list.json"));
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = CrmStub.AccessKey;
            o.BrandId = 42;
            o.BaseAddress = new Uri(stub.Server.Url!.TrimEnd('/') + "/api");
        });
        using var provider = services.BuildServiceProvider();

        var crm = provider.GetRequiredService<IElasticFunnelsCrmClient>();
        var presets = await crm.Presets.ListAsync(Ct);

        Assert.Same(crm, provider.GetRequiredService<IElasticFunnelsCrmClient>());
        Assert.Equal(3, presets.Count);
        stub.AssertSent("GET", "/api/brands/42/crm/entity-presets");
    }

    [Fact]
    public async Task RemoveAllResilienceHandlers_SdkPipelineRemoved_NoRetryButKeyTimeoutAndTypedErrorsRemain()
    {
        using var stub = new CrmStub();
        stub.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/brands/42/crm/entities/1").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(503).WithHeader("Content-Type", "application/json").WithBody("""{"message":"down"}"""));
        stub.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/api/brands/42/crm/entities/2").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(Replies.EntityJson).WithDelay(TimeSpan.FromSeconds(4)));
        var services = new ServiceCollection();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental by Microsoft.Extensions.Http.Resilience.
        services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = CrmStub.AccessKey;
            o.BrandId = 42;
            o.BaseAddress = new Uri(stub.Server.Url!.TrimEnd('/') + "/api");
            o.Timeout = TimeSpan.FromSeconds(2);
        }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<IElasticFunnelsCrmClient>();

        var failed = await Assert.ThrowsAsync<CrmApiException>(() => crm.Entities.GetAsync(1, Ct));
        var slow = await Assert.ThrowsAsync<CrmTimeoutException>(() => crm.Entities.GetAsync(2, Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(1, failed.RawResponse!.Attempts);
        Assert.Contains("ElasticFunnelsCrmOptions.Timeout, the budget of the whole call", slow.Message, StringComparison.Ordinal);
        Assert.All(stub.Requests, r => Assert.Equal([CrmStub.AccessKey], r.RequestMessage!.Headers!["EF-Access-Key"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddElasticFunnelsCrm_Configuration_BindsSectionOrRoot(bool passRoot)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ElasticFunnels:Crm:AccessKey"] = "k",
            ["ElasticFunnels:Crm:BrandId"] = "77",
            ["ElasticFunnels:Crm:BaseAddress"] = "https://crm.example.com/api",
            ["ElasticFunnels:Crm:Timeout"] = "00:00:20",
            ["ElasticFunnels:Crm:Retry:MaxRetryAttempts"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(passRoot ? configuration : configuration.GetSection("ElasticFunnels:Crm"));
        using var provider = services.BuildServiceProvider();

        var crm = provider.GetRequiredService<IElasticFunnelsCrmClient>();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ElasticFunnelsCrmOptions>>().Value;

        Assert.Equal(77, crm.BrandId);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal(5, options.Retry.MaxRetryAttempts);
        Assert.Contains("https://crm.example.com/api/", crm.ToString());
    }

    [Fact]
    public void AddElasticFunnelsCrm_NoArgument_BindsConventionalSectionFromAppConfiguration()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ElasticFunnels:Crm:AccessKey"] = "k",
            ["ElasticFunnels:Crm:BrandId"] = "5",
        }).Build());
        services.AddElasticFunnelsCrm();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(5, provider.GetRequiredService<IElasticFunnelsCrmClient>().BrandId);
    }

    [Fact]
    public async Task AddElasticFunnelsCrm_ReturnsBuilder_UserHandlersRunAndSeeHeaders()
    {
        var recorder = new RecordingHandler();
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o => { o.AccessKey = "k"; o.BrandId = 42; })
            .AddHttpMessageHandler(() => recorder)
            .ConfigurePrimaryHttpMessageHandler(() => new StaticHandler("""{"presets":[]}"""));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IElasticFunnelsCrmClient>().Presets.ListAsync(Ct);

        var request = Assert.Single(recorder.Requests);
        Assert.Equal("https://app.elasticfunnels.io/api/brands/42/crm/entity-presets", request.Uri);
        Assert.Equal("k", request.Key);
        Assert.Equal("application/json", request.Accept);
    }

    [Fact]
    public async Task AddKeyedElasticFunnelsCrm_TwoBrands_EachClientUsesItsOwnKeyAndBrand()
    {
        var seen = new List<Seen>();
        var services = new ServiceCollection();
        services.AddKeyedElasticFunnelsCrm("a", o => { o.AccessKey = "key-a"; o.BrandId = 1; })
            .AddHttpMessageHandler(() => new RecordingHandler(seen)).ConfigurePrimaryHttpMessageHandler(() => new StaticHandler("[]"));
        services.AddKeyedElasticFunnelsCrm("b", o => { o.AccessKey = "key-b"; o.BrandId = 2; })
            .AddHttpMessageHandler(() => new RecordingHandler(seen)).ConfigurePrimaryHttpMessageHandler(() => new StaticHandler("[]"));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("a").Entities.ListAsync(Ct);
        await provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("b").Entities.ListAsync(Ct);

        Assert.Equal(
            ["https://app.elasticfunnels.io/api/brands/1/crm/entities key-a", "https://app.elasticfunnels.io/api/brands/2/crm/entities key-b"],
            seen.Select(r => $"{r.Uri} {r.Key}"));
        Assert.Null(provider.GetService<IElasticFunnelsCrmClient>());
    }

    [Fact]
    public void Options_ToString_NeverShowsTheKey()
    {
        var options = new ElasticFunnelsCrmOptions { AccessKey = CrmStub.AccessKey, BrandId = 42 };
        using var crm = new ElasticFunnelsCrmClient(options);

        Assert.DoesNotContain(CrmStub.AccessKey, options.ToString());
        Assert.DoesNotContain(CrmStub.AccessKey, crm.ToString());
        Assert.Contains("***", options.ToString());
    }

    private sealed record Seen(string Uri, string? Key, string? Accept);

    private sealed class RecordingHandler(List<Seen>? shared = null) : DelegatingHandler
    {
        public List<Seen> Requests { get; } = shared ?? [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(new Seen(
                    request.RequestUri!.ToString(),
                    request.Headers.TryGetValues("EF-Access-Key", out var key) ? string.Join(",", key) : null,
                    string.Join(",", request.Headers.Accept)));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class StaticHandler(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
