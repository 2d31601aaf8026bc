using System.Text.Json;
using ElasticFunnels.Crm.Testing;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>The snippets of the package READMEs (src/ElasticFunnels.Crm, src/ElasticFunnels.Crm.Testing), compiled and run.</summary>
public sealed class PackageReadmeSnippets
{
    [Fact]
    public void PackageCreateClient_OptionsWithKeyAndBrand_ClientForTheBrand()
    {
        const string accessKey = "ef_live_canary_key";

        #region PackageCreateClient
        using var crm = new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions { AccessKey = accessKey, BrandId = 42 });
        #endregion

        Assert.Equal(42, crm.BrandId);
        Assert.DoesNotContain(accessKey, crm.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageFirstCall_AgainstEmulator_UpsertsAndLists()
    {
        await using var emulated = await EmulatorClient.CreateAsync(withLeads: false);
        var crm = emulated.Client;
        var output = ConsoleCapture.Start();
        try
        {
        #region PackageFirstCall
        var leads = await crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" });
        var pipeline = (await crm.Entities.GetAsync(leads.Id)).Pipelines[0];

        // Upsert by reference: a redelivered conversion updates its lead instead of creating a twin.
        var upserted = await crm.Entries.UpsertByReferenceAsync(leads.Id, new EntryCreateRequest
        {
            Title = "Jane Doe",
            PipelineId = pipeline.Id,
            StageId = pipeline.Stages[0].Id,
            ReferenceType = "conversion",
            ReferenceId = "conv-123",
            Values = new FieldValues().Set("email", "jane@example.com").Set("lead_source", "Facebook"),
        });

        await foreach (var entry in crm.Entries.ListAutoPagingAsync(leads.Id))
        {
            Console.WriteLine($"{entry.Title}: {entry.Values.GetString("email")}");
        }
        #endregion

            Assert.True(upserted.Created);
        }
        finally
        {
            output.Dispose();
        }

        Assert.Contains("Jane Doe: jane@example.com", output.Text, StringComparison.Ordinal);
        Assert.Equal(1, emulated.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task PackageAspNetCore_MinimalApi_ReturnsTheLeadFromTheCrm()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true });
        var api = await emulator.StartServerAsync(ct);
        string entryId;
        using (var seed = new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = api }))
        {
            entryId = (await seed.Entries.CreateAsync(1, new EntryCreateRequest { Title = "Jane Doe", PipelineId = 1, StageId = 1, Values = new FieldValues().Set("email", "jane@example.com") }, ct)).Id;
        }

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ElasticFunnels:Crm:AccessKey"] = emulator.AccessKey,
            ["ElasticFunnels:Crm:BrandId"] = "42",
            ["ElasticFunnels:Crm:BaseAddress"] = api.ToString(),
        });

        #region PackageAspNetCore
        // appsettings.json: { "ElasticFunnels": { "Crm": { "AccessKey": "...", "BrandId": 42 } } }
        builder.Services.AddElasticFunnelsCrm(builder.Configuration.GetSection("ElasticFunnels:Crm"));

        var app = builder.Build();
        app.MapGet("/leads/{entryId}", async (string entryId, IElasticFunnelsCrmClient crm, CancellationToken cancellationToken) =>
        {
            var lead = await crm.Entries.GetAsync(entryId, cancellationToken);
            return new { lead.Title, Email = lead.Values.GetString("email") };
        });
        #endregion

        await using (app)
        {
            await app.StartAsync(ct);
            using var http = app.GetTestClient();
            using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/leads/{entryId}", UriKind.Relative), ct));

            Assert.Equal("Jane Doe", json.RootElement.GetProperty("title").GetString());
            Assert.Equal("jane@example.com", json.RootElement.GetProperty("email").GetString());
            await app.StopAsync(ct);
        }
    }

    [Fact]
    public async Task TestingPackageEmulator_InMemoryLoopbackAndFaults_Work()
    {
        #region TestingPackageEmulator
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true });

        // In memory, no sockets:
        using var http = emulator.CreateClient();                    // base address + EF-Access-Key set
        var entity = await http.GetStringAsync("brands/42/crm/entities/1");

        // Or a real loopback server (also reachable from curl):
        Uri api = await emulator.StartServerAsync();                 // http://127.0.0.1:<port>/api/

        // Faults, latency and recording:
        emulator.Faults.FailNext(2, 429, retryAfter: TimeSpan.FromSeconds(1));
        emulator.Faults.DropConnectionNext(1, afterProcessing: true);   // the write happens, the answer never arrives
        emulator.Latency = TimeSpan.FromMilliseconds(20);
        IReadOnlyList<RecordedRequest> seen = emulator.Requests;     // EF-Access-Key redacted as ***
        #endregion

        Assert.Contains("\"Sales Pipeline\"", entity, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", api.Host);
        Assert.Equal("***", Assert.Single(seen).Headers["EF-Access-Key"]);
        using var refused = await http.GetAsync(new Uri("brands/42/crm/entities", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(429, (int)refused.StatusCode);
    }

    [Fact]
    public async Task TestingPackageSdkClient_SeededLeads_ReadThroughTheSdk()
    {
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true });
        var output = ConsoleCapture.Start();
        try
        {
        #region TestingPackageSdkClient
        using var crm = new ElasticFunnelsCrmClient(
            new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress },
            emulator.CreateHandler(),
            disposeHandler: true);

        var leads = await crm.Entities.GetAsync(1);   // the seeded Leads entity, with its pipeline and fields
        Console.WriteLine($"{leads.Name}: {leads.Fields.Count} fields, {leads.Pipelines[0].Stages.Count} stages");
        #endregion
        }
        finally
        {
            output.Dispose();
        }

        Assert.Contains("Leads: 5 fields, 5 stages", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestingPackageRateLimits_LimitPerKey_CountsAcceptedAndRefused()
    {
        var ct = TestContext.Current.CancellationToken;

        #region TestingPackageRateLimits
        var options = new CrmEmulatorOptions
        {
            RateLimit = new CrmEmulatorRateLimit(20)                   // 20 requests per key per window
            {
                Window = TimeSpan.FromSeconds(1),                       // the default
                RetryAfter = CrmEmulatorRetryAfter.Seconds,             // or HttpDate, or None (no header)
            },
            AdditionalAccessKeys = { "ef_second_key" },                 // same brand, its own budget
        };
        await using var limited = new CrmEmulator(options);
        using var other = limited.CreateClient("ef_second_key");

        limited.RateLimits.Limit = new CrmEmulatorRateLimit(5);         // change it while running; null turns it off
        CrmEmulatorRequestCounts total = limited.RateLimits.Total;      // Accepted, Rejected (429s served)
        var perKey = limited.RateLimits.PerKey;                         // [0] = AccessKey, [1..] = AdditionalAccessKeys
        limited.RateLimits.ResetCounters();
        #endregion

        Assert.Equal(0, total.Accepted);
        Assert.Equal(2, perKey.Count);
        limited.RateLimits.Limit = new CrmEmulatorRateLimit(1) { Window = TimeSpan.FromHours(1) };
        using var first = await other.GetAsync(new Uri("brands/42/crm/entities", UriKind.Relative), ct);
        using var second = await other.GetAsync(new Uri("brands/42/crm/entities", UriKind.Relative), ct);
        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(429, (int)second.StatusCode);
        Assert.Equal(1, limited.RateLimits.PerKey[1].Rejected);
    }
}
