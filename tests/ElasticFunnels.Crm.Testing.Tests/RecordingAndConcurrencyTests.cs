using System.Net;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class RecordingAndConcurrencyTests
{
    [Fact]
    public async Task Requests_RecordsMethodPathQueryHeadersAndBody_WithKeyRedacted()
    {
        await using var api = Api.Seeded();
        api.Http.DefaultRequestHeaders.Add("X-Trace", "abc");

        await api.Post("entities", """{"name":"X","slug":"x"}""");
        await api.Get("entities/1/entries?per_page=5&q=jane");

        var requests = api.Emulator.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("POST", requests[0].Method);
        Assert.Equal("/api/brands/42/crm/entities", requests[0].Path);
        Assert.Equal("""{"name":"X","slug":"x"}""", requests[0].Body);
        Assert.Equal("***", requests[0].Headers["ef-access-key"]);
        Assert.StartsWith("application/json", requests[0].Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("abc", requests[0].Headers["X-Trace"]);
        Assert.Equal("GET", requests[1].Method);
        Assert.Equal("per_page=5&q=jane", requests[1].Query);
        Assert.Null(requests[1].Body);
        Assert.DoesNotContain(requests, r => r.Headers.Values.Any(v => v.Contains(api.Emulator.AccessKey, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Requests_IncludeRejectedRequests()
    {
        await using var api = Api.Seeded();
        api.Http.DefaultRequestHeaders.Remove("EF-Access-Key");
        api.Http.DefaultRequestHeaders.Add("EF-Access-Key", "wrong");

        await api.Get("entities");
        await api.Get("nowhere");

        Assert.Equal(["/api/brands/42/crm/entities", "/api/brands/42/crm/nowhere"], api.Emulator.Requests.Select(r => r.Path));
        Assert.Equal("***", api.Emulator.Requests[0].Headers["EF-Access-Key"]);
    }

    [Fact]
    public async Task ParallelCreates_1000_AllStoredAndConcurrencyMeasured()
    {
        await using var api = Api.Seeded();
        api.Emulator.Latency = TimeSpan.FromMilliseconds(20);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            api.Post("entities/1/entries", $$"""{"title":"Lead {{i}}","pipeline_id":1,"stage_id":1}""")));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(1000, results.Select(r => r.Body["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(1000, api.Emulator.EntryCount(1));
        Assert.Equal(1000, api.Emulator.Requests.Count);
        Assert.True(api.Emulator.MaxConcurrentRequests > 1, $"max concurrency {api.Emulator.MaxConcurrentRequests}");
        Assert.InRange(api.Emulator.MaxConcurrentRequests, 2, 1000);
        var list = await api.Get("entities/1/entries?per_page=100&page=10");
        Assert.Equal(1000, list.Body["total"]!.GetValue<long>());
        Assert.Equal(100, list.Body["data"]!.AsArray().Count);
    }

    [Fact]
    public async Task MaxConcurrentRequests_SequentialRequests_IsOne()
    {
        await using var api = Api.Seeded();

        await api.Get("entities");
        await api.Get("entities");

        Assert.Equal(1, api.Emulator.MaxConcurrentRequests);
    }

    [Fact]
    public async Task MaxConcurrentRequests_KnownOverlap_IsMeasuredExactly()
    {
        await using var api = Api.Seeded();
        api.Emulator.Latency = TimeSpan.FromMilliseconds(300);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => api.Get("entities")));

        Assert.Equal(5, api.Emulator.MaxConcurrentRequests);
    }

    [Fact]
    public async Task Reset_ClearsStateFaultsRecordsAndPeak_AndReseeds()
    {
        await using var api = new Api(new CrmEmulatorOptions { SeedLeadsEntity = true });
        await api.CreateLead("Jane");
        await api.CreateEntity("deals");
        api.Emulator.Faults.FailNext(5, 503);
        api.Emulator.Latency = TimeSpan.FromSeconds(1);

        api.Emulator.Reset();
        var entities = await api.Get("entities");
        var created = await api.Post("entities", """{"name":"D","slug":"deals"}""");

        Assert.Equal(HttpStatusCode.OK, entities.Status);
        Assert.Single(entities.Body.AsArray());
        Assert.Equal(0, api.Emulator.EntryCount(1));
        Assert.Equal(TimeSpan.Zero, api.Emulator.Latency);
        Assert.Equal(2, created.Body["id"]!.GetValue<long>());
        Assert.Equal(2, api.Emulator.Requests.Count);
        Assert.Equal(1, api.Emulator.MaxConcurrentRequests);
    }

    [Fact]
    public async Task CreateHandler_EachHandler_SharesTheSameState()
    {
        await using var emulator = new CrmEmulator();
        using var first = emulator.CreateClient();
        using var second = new HttpClient(emulator.CreateHandler()) { BaseAddress = new Uri("https://anything.example/api/") };
        second.DefaultRequestHeaders.Add("EF-Access-Key", emulator.AccessKey);

        var created = await first.PostAsync("brands/42/crm/entities", new StringContent("""{"name":"X","slug":"x"}"""));
        var listed = await second.GetStringAsync("brands/42/crm/entities");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"slug\":\"x\"", listed, StringComparison.Ordinal);
    }
}
