using ElasticFunnels.Crm.Testing;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>One client, many simultaneous calls: the pipeline (retry, circuit breaker, buffering, key) and the connection pool must take them all.</summary>
public sealed class ConcurrencyTests
{
    private const int Calls = 1200;

    [Fact]
    public async Task GetAsync_1200SimultaneousCallsOverLoopbackSockets_AllSucceed()
    {
        await using var emulator = new CrmEmulator();
        var baseAddress = await emulator.StartServerAsync(TestContext.Current.CancellationToken);
        using var client = new ElasticFunnelsCrmClient(TestOptions.For(baseAddress, o => o.AccessKey = emulator.AccessKey));
        var entity = await client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" }, TestContext.Current.CancellationToken);
        emulator.Latency = TimeSpan.FromMilliseconds(20);

        var results = await Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => Task.Run(() => client.Entities.GetAsync(entity.Id, TestContext.Current.CancellationToken))));

        Assert.All(results, e => Assert.Equal(entity.Id, e.Id));
        Assert.Equal(Calls + 1, emulator.Requests.Count);
        Assert.True(emulator.MaxConcurrentRequests > 10, $"Only {emulator.MaxConcurrentRequests} calls were in flight at once.");
    }

    [Fact]
    public async Task CreateAsync_1200SimultaneousWritesInMemory_EachSentExactlyOnce()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        crm.Emulator.Latency = TimeSpan.FromMilliseconds(5);

        var created = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => Task.Run(() => crm.Client.Entries.CreateAsync(crm.Leads.Id, crm.Lead($"c-{i}"), TestContext.Current.CancellationToken))));

        Assert.Equal(Calls, created.Select(e => e.Id).Distinct().Count());
        Assert.Equal(Calls, crm.Emulator.EntryCount(crm.Leads.Id));
        Assert.Equal(Calls, crm.Count("POST", "/entries"));
        Assert.True(crm.Emulator.MaxConcurrentRequests > 10, $"Only {crm.Emulator.MaxConcurrentRequests} calls were in flight at once.");
    }
}
