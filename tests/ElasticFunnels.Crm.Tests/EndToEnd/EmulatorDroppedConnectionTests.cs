using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.EndToEnd;

/// <summary>The SDK against the emulator's "connection dropped" fault: reads are retried, creates are not.</summary>
public sealed class EmulatorDroppedConnectionTests
{
    [Fact]
    public async Task CreateAsync_ConnectionDroppedAfterWrite_ThrowsConnectionErrorAndIsNotResent()
    {
        await using var crm = await EmulatorClient.CreateAsync(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));
        crm.Emulator.Faults.DropConnectionNext(1, afterProcessing: true);

        await Assert.ThrowsAsync<CrmConnectionException>(() => crm.Client.Entries.CreateAsync(crm.Leads.Id, crm.Lead("conv-1"), TestContext.Current.CancellationToken));

        Assert.Equal(1, crm.Count("POST", "/entries"));
        Assert.Equal(1, crm.Emulator.EntryCount(crm.Leads.Id));
    }

    [Fact]
    public async Task ListAsync_ConnectionDropped_IsRetried()
    {
        await using var crm = await EmulatorClient.CreateAsync(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));
        crm.Emulator.Faults.DropConnectionNext(2);

        var entities = await crm.Client.Entities.ListAsync(TestContext.Current.CancellationToken);

        Assert.Single(entities);
        Assert.Equal(3, crm.Count("GET", "/crm/entities"));
    }
}
