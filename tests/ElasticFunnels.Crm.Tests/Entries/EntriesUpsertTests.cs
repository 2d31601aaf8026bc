using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Entries;

public sealed class EntriesUpsertTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpsertByReferenceAsync_Absent_Creates()
    {
        await using var crm = await EmulatorClient.CreateAsync();

        var result = await crm.Client.Entries.UpsertByReferenceAsync(crm.Leads.Id, crm.Lead("conv-1"), Ct);

        Assert.True(result.Created);
        Assert.Equal(1, crm.Count("POST", "/entries"));
        Assert.Equal(0, crm.Count("PUT", result.Entry.Id));
    }

    [Fact]
    public async Task UpsertByReferenceAsync_Present_UpdatesWithoutMovingStage()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var first = await crm.Client.Entries.UpsertByReferenceAsync(crm.Leads.Id, crm.Lead("conv-1"), Ct);
        await crm.Client.Entries.MoveToStageAsync(first.Entry.Id, crm.Pipeline.Stages[1].Id, Ct);

        var second = await crm.Client.Entries.UpsertByReferenceAsync(crm.Leads.Id, crm.Lead("conv-1", "Renamed"), Ct);

        Assert.False(second.Created);
        Assert.Equal(first.Entry.Id, second.Entry.Id);
        Assert.Equal(1, crm.Count("POST", "/entries"));
        Assert.Equal(1, crm.Count("PUT", $"/entries/{first.Entry.Id}"));
        var stored = await crm.Client.Entries.GetAsync(first.Entry.Id, Ct);
        Assert.Equal("Renamed", stored.Title);
        Assert.Equal(crm.Pipeline.Stages[1].Id, stored.StageId);
    }

    [Fact]
    public async Task UpsertByReferenceAsync_TwentyConcurrentSameReference_OnePost()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        crm.Emulator.Latency = TimeSpan.FromMilliseconds(2);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => crm.Client.Entries.UpsertByReferenceAsync(crm.Leads.Id, crm.Lead("conv-7"), Ct)));

        Assert.Equal(1, crm.Count("POST", "/entries"));
        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Entry.Id).Distinct());
        Assert.Equal(1, crm.Emulator.EntryCount(crm.Leads.Id));
    }

    [Fact]
    public async Task UpsertByReferenceAsync_MissingReference_ThrowsBeforeSending()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var before = crm.Emulator.Requests.Count;
        var request = crm.Lead("x");
        request.ReferenceId = null;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => crm.Client.Entries.UpsertByReferenceAsync(crm.Leads.Id, request, Ct));

        Assert.Contains("ReferenceId", ex.Message);
        Assert.Equal(before, crm.Emulator.Requests.Count);
    }
}
