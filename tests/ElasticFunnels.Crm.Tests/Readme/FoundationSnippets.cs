using ElasticFunnels.Crm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>The README's foundation snippets, compiled and run against the emulator.</summary>
public sealed class FoundationSnippets
{
    [Fact]
    public async Task FirstCall_RunsAgainstEmulator()
    {
        await using var emulator = new CrmEmulator();
        using var crm = new ElasticFunnelsCrmClient(
            new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress },
            emulator.CreateHandler(),
            disposeHandler: true);
        await crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" }, TestContext.Current.CancellationToken);

        #region FirstCall
        foreach (var entity in await crm.Entities.ListAsync())
        {
            Console.WriteLine($"{entity.Id}: {entity.Name} ({entity.FieldsCount} fields)");
        }

        var lead = await crm.Entries.CreateAsync(entityId: 1, new EntryCreateRequest
        {
            Title = "Jane Doe",
            PipelineId = 1,
            StageId = 1,
            ReferenceType = "conversion",
            ReferenceId = "conv-123",
            Values = new Dictionary<string, FieldValue>
            {
                ["email"] = "jane@example.com",
                ["lead_source"] = "Facebook",
            },
        });
        Console.WriteLine($"Created entry {lead.Id} in stage {lead.StageId}");
        #endregion

        Assert.Equal(1, emulator.EntryCount(1));
    }

    [Fact]
    public void CreateClient_KeyAndBrand_KeyNotShown()
    {
        const string accessKey = "ef_live_canary_key";

        #region CreateClient
        using var crm = new ElasticFunnelsCrmClient(accessKey, brandId: 42);
        #endregion

        Assert.Equal(42, crm.BrandId);
        Assert.DoesNotContain(accessKey, crm.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DependencyInjection_BindsSectionAndResolvesClient()
    {
        string[] args = [];

        #region DependencyInjection
        var builder = Host.CreateApplicationBuilder(args);

        // Binds the "ElasticFunnels:Crm" section (AccessKey, BrandId, BaseAddress, Timeout, Retry, ...),
        // validated at start-up; the client is a singleton.
        builder.Services.AddElasticFunnelsCrm(builder.Configuration.GetSection("ElasticFunnels:Crm"));

        // Or in code:
        // builder.Services.AddElasticFunnelsCrm(o => { o.AccessKey = key; o.BrandId = 42; });
        #endregion

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ElasticFunnels:Crm:AccessKey"] = "k",
            ["ElasticFunnels:Crm:BrandId"] = "42",
        });
        using var host = builder.Build();
        Assert.Equal(42, host.Services.GetRequiredService<IElasticFunnelsCrmClient>().BrandId);
    }

    [Fact]
    public void KeyedClients_OnePerBrand()
    {
        var services = new ServiceCollection();
        const string keyA = "key-a", keyB = "key-b";

        #region KeyedClients
        services.AddKeyedElasticFunnelsCrm("brand-a", o => { o.AccessKey = keyA; o.BrandId = 42; });
        services.AddKeyedElasticFunnelsCrm("brand-b", o => { o.AccessKey = keyB; o.BrandId = 77; });

        // public MyService([FromKeyedServices("brand-a")] IElasticFunnelsCrmClient crm) { ... }
        using var provider = services.BuildServiceProvider();
        var brandA = provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-a");
        #endregion

        Assert.Equal(42, brandA.BrandId);
        Assert.Equal(77, provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-b").BrandId);
    }
}
