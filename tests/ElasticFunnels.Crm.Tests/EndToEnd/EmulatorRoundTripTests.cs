using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Tests.EndToEnd;

/// <summary>The SDK against the emulator: every resource group in one flow, in memory and over loopback HTTP.</summary>
public sealed class EmulatorRoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullFlow_InMemory_CreatesMovesListsAndDeletes()
    {
        await using var emulator = new CrmEmulator();
        using var crm = new ElasticFunnelsCrmClient(
            new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress },
            emulator.CreateHandler(),
            disposeHandler: true);

        await RunFlowAsync(crm);
    }

    [Fact]
    public async Task FullFlow_Loopback_CreatesMovesListsAndDeletes()
    {
        await using var emulator = new CrmEmulator();
        var address = await emulator.StartServerAsync(Ct);
        using var crm = new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = address });

        await RunFlowAsync(crm);
    }

    private static async Task RunFlowAsync(IElasticFunnelsCrmClient crm)
    {
        var presets = await crm.Presets.ListAsync(Ct);
        Assert.Contains(presets, p => p.Key == "leads");

        var created = await crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" }, Ct);
        var entity = await crm.Entities.GetAsync(created.Id, Ct);
        var pipeline = entity.Pipelines[0];
        var stages = await crm.Stages.ListAsync(pipeline.Id, Ct);
        Assert.True(stages.Count >= 2);

        var entry = await crm.Entries.CreateAsync(
            entity.Id,
            new EntryCreateRequest
            {
                Title = "Jane Doe",
                PipelineId = pipeline.Id,
                StageId = stages[0].Id,
                ReferenceType = "conversion",
                ReferenceId = "conv-123",
                Values = new Dictionary<string, FieldValue> { ["email"] = "jane@example.com", ["lead_source"] = "Facebook" },
            },
            Ct);
        Assert.Equal("jane@example.com", entry.Values["email"].GetString());

        var moved = await crm.Entries.MoveToStageAsync(entity.Id, entry.Id, stages[1].Id, Ct);
        Assert.Equal(stages[1].Id, moved.StageId);

        var page = await crm.Entries.ListAsync(entity.Id, new EntryListOptions { ReferenceType = "conversion", ReferenceId = "conv-123" }, Ct);
        Assert.Equal(1, page.Total);
        Assert.Equal(stages[1].Id, page.Values[0].StageId);

        await crm.Entries.UpdateAsync(entry.Id, new EntryUpdateRequest { Values = new Dictionary<string, FieldValue> { ["lead_source"] = "Google" } }, Ct);
        var updated = await crm.Entries.GetAsync(entity.Id, entry.Id, Ct);
        Assert.Equal("Google", updated.Values["lead_source"].GetString());
        Assert.Equal("jane@example.com", updated.Values["email"].GetString());

        var field = await crm.Fields.CreateAsync(entity.Id, new FieldCreateRequest { Name = "Budget", Key = "budget", Type = FieldType.Number }, Ct);
        Assert.Equal(FieldType.Number, (await crm.Fields.GetAsync(field.Id, Ct)).Type);
        await crm.Fields.DeleteAsync(field.Id, Ct);

        await crm.Entries.DeleteAsync(entry.Id, Ct);
        await Assert.ThrowsAsync<CrmNotFoundException>(() => crm.Entries.GetAsync(entry.Id, Ct));

        await crm.Entities.DeleteAsync(entity.Id, Ct);
        Assert.DoesNotContain(await crm.Entities.ListAsync(Ct), e => e.Id == entity.Id);
    }
}
