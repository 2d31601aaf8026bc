using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ElasticFunnels.Crm.Tests.DependencyInjection;

/// <summary>
/// The options contract of the registrations: the unkeyed client reads the unnamed options, a keyed client the
/// options named by its service key, and what Configure and PostConfigure set is what the requests use.
/// </summary>
public sealed class ConfigureAndPostConfigureTests : IDisposable
{
    private const string PresetsPath = "/api/brands/42/crm/entity-presets";
    private const string OtherKey = "ef_live_rotated_0a1b2c3d4e5f";

    private readonly WireMockServer _configured = Presets(WireMockServer.Start());
    private readonly WireMockServer _postConfigured = Presets(WireMockServer.Start());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WireMockServer Presets(WireMockServer server)
    {
        server.Given(Request.Create().WithPath(PresetsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(CrmStub.Fixture("presets/list.json")));
        return server;
    }

    private static Uri Api(WireMockServer server) => new(server.Url! + "/api/");

    private IConfigurationSection Section(string path, string? accessKey = CrmStub.AccessKey) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{path}:BrandId"] = "42",
            [$"{path}:BaseAddress"] = Api(_configured).ToString(),
        }.Concat(accessKey is null ? [] : [KeyValuePair.Create($"{path}:AccessKey", (string?)accessKey)])).Build().GetSection(path);

    private void MoveToSecondServer(ElasticFunnelsCrmOptions o)
    {
        o.BaseAddress = Api(_postConfigured);
        o.AccessKey = OtherKey;
    }

    private void AssertOnlySecondServerCalledWithOtherKey()
    {
        Assert.Empty(_configured.LogEntries);
        var request = Assert.Single(_postConfigured.LogEntries).RequestMessage!;
        Assert.Equal(PresetsPath, request.Path);
        Assert.Equal([OtherKey], request.Headers!["EF-Access-Key"]);
    }

    [Fact]
    public async Task PostConfigure_UnkeyedClient_RequestGoesToTheNewBaseAddressWithTheNewKey()
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(Section("X"));
        services.PostConfigure<ElasticFunnelsCrmOptions>(MoveToSecondServer);
        using var provider = services.BuildServiceProvider();

        var presets = await provider.GetRequiredService<IElasticFunnelsCrmClient>().Presets.ListAsync(Ct);

        Assert.Equal(3, presets.Count);
        AssertOnlySecondServerCalledWithOtherKey();
    }

    [Fact]
    public async Task PostConfigure_NamedByServiceKey_ChangesThatKeyedClientOnly()
    {
        var services = new ServiceCollection();
        services.AddKeyedElasticFunnelsCrm("brand-a", Section("Brands:A"));
        services.AddKeyedElasticFunnelsCrm("brand-b", Section("Brands:B"));
        services.PostConfigure<ElasticFunnelsCrmOptions>("brand-b", MoveToSecondServer);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-b").Presets.ListAsync(Ct);
        AssertOnlySecondServerCalledWithOtherKey();
        await provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-a").Presets.ListAsync(Ct);

        var brandA = Assert.Single(_configured.LogEntries).RequestMessage!;
        Assert.Equal([CrmStub.AccessKey], brandA.Headers!["EF-Access-Key"]);
    }

    [Fact]
    public async Task Configure_NamedByServiceKey_FillsWhatConfigurationLacks()
    {
        var services = new ServiceCollection();
        services.AddKeyedElasticFunnelsCrm("brand-b", Section("Brands:B", accessKey: null));
        services.Configure<ElasticFunnelsCrmOptions>("brand-b", o => o.AccessKey = OtherKey);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        await provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-b").Presets.ListAsync(Ct);

        Assert.Equal([OtherKey], Assert.Single(_configured.LogEntries).RequestMessage!.Headers!["EF-Access-Key"]);
    }

    [Fact]
    public async Task PostConfigureAll_KeyedAndUnkeyedClients_EveryClientUsesIt()
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o => { o.AccessKey = "k"; o.BrandId = 42; });
        services.AddKeyedElasticFunnelsCrm("brand-b", o => { o.AccessKey = "k"; o.BrandId = 42; });
        services.PostConfigureAll<ElasticFunnelsCrmOptions>(MoveToSecondServer);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IElasticFunnelsCrmClient>().Presets.ListAsync(Ct);
        await provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-b").Presets.ListAsync(Ct);

        Assert.Equal(2, _postConfigured.LogEntries.Count(e => e.RequestMessage!.Headers!["EF-Access-Key"].Single() == OtherKey));
    }

    [Fact]
    public async Task PostConfigure_Timeout_IsTheBudgetTheCallRunsWith()
    {
        _configured.Given(Request.Create().WithPath("/api/brands/42/crm/entities/1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Replies.EntityJson).WithDelay(TimeSpan.FromSeconds(5)));
        var services = new ServiceCollection();
        services.AddKeyedElasticFunnelsCrm("brand-b", Section("Brands:B"));
        services.PostConfigure<ElasticFunnelsCrmOptions>("brand-b", o => o.Timeout = TimeSpan.FromMilliseconds(400));
        using var provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(
            () => provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-b").Entities.GetAsync(1, Ct));

        Assert.Contains("did not complete within 0.4 s (ElasticFunnelsCrmOptions.Timeout, the budget of the whole call)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostConfigure_BlanksTheConfiguredKeyOfAKeyedClient_StartupErrorNamesTheClientAndSaysCodeClearedIt()
    {
        var services = new ServiceCollection();
        services.AddKeyedElasticFunnelsCrm("brand-b", Section("Brands:B"));
        services.PostConfigure<ElasticFunnelsCrmOptions>("brand-b", o => o.AccessKey = " ");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Equal("brand-b", ex.OptionsName);
        Assert.Equal(
            "ElasticFunnels CRM client 'brand-b' (keyed service): ElasticFunnelsCrmOptions.AccessKey is missing although Brands:B:AccessKey is set in configuration: a Configure or PostConfigure of ElasticFunnelsCrmOptions named 'brand-b' cleared it.",
            Assert.Single(ex.Failures));
        Assert.DoesNotContain(CrmStub.AccessKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostConfigure_BlanksTheKeyOfTheUnkeyedClient_StartupErrorNamesTheClient()
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o => { o.AccessKey = CrmStub.AccessKey; o.BrandId = 42; });
        services.PostConfigure<ElasticFunnelsCrmOptions>(o => o.AccessKey = null);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Equal(
            "ElasticFunnels CRM client (the unkeyed IElasticFunnelsCrmClient, options set in code): ElasticFunnelsCrmOptions.AccessKey is missing: set it to the API key from your ElasticFunnels account.",
            Assert.Single(ex.Failures));
    }

    public void Dispose()
    {
        _configured.Dispose();
        _postConfigured.Dispose();
    }
}
