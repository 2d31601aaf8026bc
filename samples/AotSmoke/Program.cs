using System.Text.Json;
using ElasticFunnels.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// A Native AOT smoke test: every line below runs compiled ahead of time, through the SDK's
// source-generated Refit clients, JSON contexts, options binding and error mapping.
var handler = new CannedApiHandler();
var failures = new List<string>();

void Check(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

using (var crm = new ElasticFunnelsCrmClient(
    new ElasticFunnelsCrmOptions { AccessKey = "aot-smoke-key", BrandId = 42, BaseAddress = new Uri("https://api.example.test/api") },
    handler))
{
    var presets = await crm.Presets.ListAsync();
    Check(presets is [{ Key: "leads" }], "presets listed from a wrapped list");

    var entity = await crm.Entities.GetAsync(1);
    Check(entity.Pipelines[0].Stages[0] is { Position: 0, Status: { } status } && status == StageStatus.Open, "wrapped entity, stage order and status read");
    Check(entity.Fields[0] is { Name: "Source", Options: [{ Value: "fb", Label: "Facebook" }] } f && f.Type == FieldType.MultiSelect, "field label, object options and type alias read");

    var entry = await crm.Entries.CreateAsync(1, new EntryCreateRequest
    {
        Title = "Jane Doe",
        PipelineId = 1,
        StageId = 1,
        Values = new Dictionary<string, FieldValue> { ["email"] = "jane@example.com", ["deal_value"] = 1200.50m, ["close"] = new DateOnly(2025, 1, 31) },
    });
    Check(entry.Id == "es-doc-id-xyz" && entry.Values["email"].GetString() == "jane@example.com", "entry created and values read");

    var json = JsonSerializer.Serialize(entry, CrmModelJsonContext.Default.Entry);
    var back = JsonSerializer.Deserialize(json, CrmModelJsonContext.Default.Entry)!;
    Check(json.Contains("\"values\":{\"email\":\"jane@example.com\"}", StringComparison.Ordinal)
        && JsonSerializer.Serialize(back, CrmModelJsonContext.Default.Entry) == json, "entry serialized with the public context, flat values, round-trips");
    Check(JsonSerializer.Serialize(entity, CrmModelJsonContext.Default.CrmEntity).Contains("\"options\":[{\"value\":\"fb\",\"label\":\"Facebook\"}]", StringComparison.Ordinal), "entity with fields serialized with the public context");

    try
    {
        await crm.Entries.GetAsync("missing");
        Check(false, "404 becomes CrmNotFoundException");
    }
    catch (CrmNotFoundException ex)
    {
        Check(ex.ApiMessage == "Entry not found." && !ex.Message.Contains("aot-smoke-key", StringComparison.Ordinal), "404 becomes CrmNotFoundException without the key");
    }

    try
    {
        await crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads" });
        Check(false, "422 becomes CrmValidationException");
    }
    catch (CrmValidationException ex)
    {
        Check(ex.FieldErrors["slug"][0] == "The slug has already been taken.", "422 becomes CrmValidationException with field errors");
    }
}

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ElasticFunnels:Crm:AccessKey"] = "aot-smoke-key",
        ["ElasticFunnels:Crm:BrandId"] = "42",
        ["ElasticFunnels:Crm:BaseAddress"] = "https://api.example.test/api/",
        ["ElasticFunnels:Crm:Retry:MaxRetryAttempts"] = "1",
    })
    .Build();
var services = new ServiceCollection();
var diHandler = new CannedApiHandler();
services.AddElasticFunnelsCrm(configuration.GetSection("ElasticFunnels:Crm")).ConfigurePrimaryHttpMessageHandler(() => diHandler);
await using (var provider = services.BuildServiceProvider())
{
    var crm = provider.GetRequiredService<IElasticFunnelsCrmClient>();
    var presets = await crm.Presets.ListAsync();
    Check(crm.BrandId == 42 && presets.Count == 1, "dependency injection with configuration binding");

    configuration["ElasticFunnels:Crm:AccessKey"] = "aot-smoke-key-2";
    configuration.Reload();
    await crm.Presets.ListAsync();
    Check(diHandler.BrandsAndKeys is ["42 aot-smoke-key", "42 aot-smoke-key-2"], "a reloaded access key is used by the next call");
}

var tenantConfiguration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Tenants:MaxCachedClients"] = "2",
        ["Tenants:Defaults:BaseAddress"] = "https://api.example.test/api/",
    })
    .Build();
var tenantHandler = new CannedApiHandler();
var tenantServices = new ServiceCollection();
tenantServices.AddElasticFunnelsCrmClientFactory(tenantConfiguration.GetSection("Tenants")).ConfigurePrimaryHttpMessageHandler(() => tenantHandler);
await using (var provider = tenantServices.BuildServiceProvider())
{
    var factory = provider.GetRequiredService<ElasticFunnelsCrmClientFactory>();
    foreach (var brand in new[] { 7L, 8L, 9L })
    {
        await factory.GetClient(brand, $"tenant-key-{brand}").Presets.ListAsync();
    }

    Check(factory.Count == 2 && tenantHandler.BrandsAndKeys is ["7 tenant-key-7", "8 tenant-key-8", "9 tenant-key-9"], "tenant factory bound from configuration: each brand with its key, cache bounded");
}

Check(handler.Seen.All(s => s.EndsWith("key=yes", StringComparison.Ordinal)), "every request carried the access key header");

Console.WriteLine(failures.Count == 0 ? "AOT smoke test passed." : $"AOT smoke test FAILED: {failures.Count} check(s).");
return failures.Count == 0 ? 0 : 1;
