using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>The snippets of docs/tenants-and-key-rotation.md, compiled and run against a WireMock server.</summary>
public sealed class TenantSnippets : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public TenantSnippets()
    {
        _server.Given(Request.Create().WithPath("/api/brands/*/crm/entities").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("[" + Replies.EntityJson + "]"));
    }

    [Fact]
    public async Task KeyRotation_ReloadedKey_NextCallsUseIt()
    {
        string[] args = [];
        var secrets = new ReloadableConfiguration(new Dictionary<string, string?>
        {
            ["ElasticFunnels:Crm:AccessKey"] = "key-1",
            ["ElasticFunnels:Crm:BrandId"] = "42",
            ["ElasticFunnels:Crm:BaseAddress"] = _server.Url + "/api/",
            ["Brands:B:AccessKey"] = "key-b-1",
            ["Brands:B:BrandId"] = "77",
            ["Brands:B:BaseAddress"] = _server.Url + "/api/",
        });

        #region KeyRotation
        var builder = Host.CreateApplicationBuilder(args);

        // Bound from configuration, the client follows reloads of AccessKey: appsettings.json (watched by
        // default), a secret store that reloads (for example Azure Key Vault with a ReloadInterval), files
        // mounted from a Kubernetes secret, ...
        builder.Services.AddElasticFunnelsCrm(builder.Configuration.GetSection("ElasticFunnels:Crm"));
        builder.Services.AddKeyedElasticFunnelsCrm("brand-b", builder.Configuration.GetSection("Brands:B"));
        #endregion

        ((IConfigurationBuilder)builder.Configuration).Add(secrets);
        using var host = builder.Build();
        var crm = host.Services.GetRequiredService<IElasticFunnelsCrmClient>();
        var brandB = host.Services.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-b");
        await crm.Entities.ListAsync(TestContext.Current.CancellationToken);
        await brandB.Entities.ListAsync(TestContext.Current.CancellationToken);
        secrets.Set(new Dictionary<string, string?> { ["ElasticFunnels:Crm:AccessKey"] = "key-2", ["Brands:B:AccessKey"] = "key-b-2" });
        await crm.Entities.ListAsync(TestContext.Current.CancellationToken);
        await brandB.Entities.ListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            ["42 key-1", "77 key-b-1", "42 key-2", "77 key-b-2"],
            _server.LogEntries.Select(e => $"{e.RequestMessage!.Path.Split('/')[3]} {string.Join(",", e.RequestMessage.Headers!["EF-Access-Key"])}"));
    }

    [Fact]
    public async Task TenantFactory_TwoTenants_EachSendsItsBrandAndKey()
    {
        string[] args = [];
        var builder = Host.CreateApplicationBuilder(args);

        #region TenantFactoryRegistration
        // Settings every tenant shares; brand and key come with each tenant.
        builder.Services.AddElasticFunnelsCrmClientFactory(o =>
        {
            o.Defaults.Timeout = TimeSpan.FromSeconds(30);
            o.Defaults.Retry.MaxRetryAttempts = 2;
            o.MaxCachedClients = 500;
        });
        #endregion

        builder.Services.Configure<ElasticFunnelsCrmClientFactoryOptions>(o => o.Defaults.BaseAddress = new Uri(_server.Url + "/api/"));
        using var host = builder.Build();
        var crmClients = host.Services.GetRequiredService<IElasticFunnelsCrmClientFactory>();
        var entitiesPerTenant = new List<int>();
        foreach (var tenant in new[] { new Tenant(1001, "tenant-key-1"), new Tenant(1002, "tenant-key-2") })
        {
            #region TenantFactoryUse
            // In a request handler or a job: the tenant's brand id and key come from your own store.
            var crm = crmClients.GetClient(tenant.BrandId, tenant.AccessKey);
            var entities = await crm.Entities.ListAsync();
            #endregion

            entitiesPerTenant.Add(entities.Count);
        }

        Assert.Equal([1, 1], entitiesPerTenant);
        Assert.Equal(
            ["/api/brands/1001/crm/entities tenant-key-1", "/api/brands/1002/crm/entities tenant-key-2"],
            _server.LogEntries.Select(e => $"{e.RequestMessage!.Path} {string.Join(",", e.RequestMessage.Headers!["EF-Access-Key"])}"));
    }

    [Fact]
    public void TenantFactoryConfiguration_BindsSection()
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.Configuration.AddJsonStream(new MemoryStream("""
            {
              "ElasticFunnels": {
                "CrmTenants": {
                  "MaxCachedClients": 500,
                  "Defaults": { "Timeout": "00:00:30", "Retry": { "MaxRetryAttempts": 2 } }
                }
              }
            }
            """u8.ToArray()));

        #region TenantFactoryConfiguration
        builder.Services.AddElasticFunnelsCrmClientFactory(builder.Configuration.GetSection("ElasticFunnels:CrmTenants"));
        #endregion

        using var host = builder.Build();
        Assert.Equal(500, host.Services.GetRequiredService<ElasticFunnelsCrmClientFactory>().MaxCachedClients);
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private sealed record Tenant(long BrandId, string AccessKey);
}
