using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Serialization;

/// <summary>The SDK reads every response shape api-notes.md lists, through the whole HTTP pipeline.</summary>
public sealed class TolerantResponseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetEntity_WrappedWithAliasesAndUnknowns_ReadsEverything()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/5", json: CrmStub.Fixture("tolerant/entity-wrapped.json"));

        var entity = await stub.Client.Entities.GetAsync(5, Ct);

        Assert.Equal(5, entity.Id);
        Assert.Equal(EntityMode.Crm, entity.Mode);
        Assert.Equal(new DateTimeOffset(2026, 4, 18, 13, 45, 21, TimeSpan.Zero), entity.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero), entity.UpdatedAt);

        var pipeline = Assert.Single(entity.Pipelines);
        Assert.Equal(12, pipeline.Id);
        Assert.Equal("revenue", pipeline.Slug);
        Assert.True(pipeline.IsDefault);
        Assert.Equal([0, 1, 2, (int?)null], pipeline.Stages.Select(s => s.Position));
        Assert.Equal(StageStatus.Open, pipeline.Stages[0].Status);
        Assert.Equal(StageStatus.Won, pipeline.Stages[1].Status);
        Assert.Equal(StageStatus.Lost, pipeline.Stages[2].Status);
        Assert.Equal("on_hold", pipeline.Stages[3].Status?.Value);
        Assert.Equal(10m, pipeline.Stages[0].Probability);
        Assert.Equal(100m, pipeline.Stages[1].Probability);

        Assert.Equal(["Amount", "Tags", "Account", "Phone"], entity.Fields.Select(f => f.Name));
        Assert.Equal("currency", entity.Fields[0].Type.Value);
        Assert.Equal(FieldType.MultiSelect, entity.Fields[1].Type);
        Assert.Equal([new FieldOption("vip", "VIP"), new FieldOption("b2b", "b2b")], entity.Fields[1].Options);
        Assert.Equal(FieldType.Reference, entity.Fields[2].Type);
        Assert.Equal(9, entity.Fields[2].TargetEntityId);
        Assert.Empty(entity.Fields[2].Options);
        Assert.Equal(FieldType.Phone, entity.Fields[3].Type);
        Assert.Equal("tel", entity.Fields[3].Type.Value);
        Assert.True(entity.Fields[3].Required);
    }

    [Fact]
    public async Task ListEntities_WrappedInData_ReadsModes()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", json: CrmStub.Fixture("tolerant/entities-wrapped-list.json"));

        var entities = await stub.Client.Entities.ListAsync(Ct);

        Assert.Equal([EntityMode.Crm, EntityMode.Data], entities.Select(e => e.Mode));
        Assert.Equal(0, entities[1].PipelinesCount);
    }

    [Fact]
    public async Task GetEntry_NumericIdsAndPhpEmptyValues_ReadAsStringsAndEmptyView()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entries/123456", json: CrmStub.Fixture("tolerant/entry-data-wrapped.json"));

        var entry = await stub.Client.Entries.GetAsync("123456", Ct);

        Assert.Equal("123456", entry.Id);
        Assert.Equal("987", entry.ReferenceId);
        Assert.Equal(1, entry.PipelineId);
        Assert.Equal(2, entry.StageId);
        Assert.Empty(entry.Values);
    }

    [Fact]
    public async Task GetEntry_EveryOptionalPropertyMissing_ReadsDefaults()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entries/abc", json: CrmStub.Fixture("tolerant/entry-minimal.json"));

        var entry = await stub.Client.Entries.GetAsync("abc", Ct);

        Assert.Equal("abc", entry.Id);
        Assert.Null(entry.Title);
        Assert.Null(entry.PipelineId);
        Assert.Empty(entry.Values);
        Assert.Equal(EntryValueSource.None, entry.Values.Source);
        Assert.Null(entry.CreatedAt);
    }

    [Fact]
    public async Task ListPipelines_WrappedUnderItsOwnName_IsRead()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1/pipelines", json: """{"pipelines":[{"id":1,"name":"A"},{"id":2,"name":"B"}]}""");

        var pipelines = await stub.Client.Pipelines.ListAsync(1, Ct);

        Assert.Equal(["A", "B"], pipelines.Select(p => p.Name));
    }

    [Fact]
    public async Task GetStage_WrappedInData_IsRead()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/stages/3", json: """{"success":true,"data":{"id":3,"name":"Qualified","order":"2"}}""");

        var stage = await stub.Client.Stages.GetAsync(3, Ct);

        Assert.Equal(3, stage.Id);
        Assert.Equal(2, stage.Position);
    }

    [Fact]
    public async Task CreateField_WrappedUnderField_IsRead()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities/1/fields", 201, """{"field":{"id":8,"name":"Score","key":"score","type":"number"}}""");

        var field = await stub.Client.Fields.CreateAsync(1, new FieldCreateRequest { Name = "Score", Key = "score", Type = FieldType.Number }, Ct);

        Assert.Equal(8, field.Id);
        Assert.Equal(FieldType.Number, field.Type);
    }

    [Fact]
    public async Task ObjectWithDataPropertyAndId_IsReadAsBareObject()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entries/e1", json: """{"id":"e1","title":"T","data":{"id":"other"}}""");

        var entry = await stub.Client.Entries.GetAsync("e1", Ct);

        Assert.Equal("e1", entry.Id);
    }

    [Theory]
    [InlineData("2024-12-11T10:00:00.000000Z")]
    [InlineData("2024-12-11T10:00:00Z")]
    [InlineData("2024-12-11T10:00:00+00:00")]
    [InlineData("2024-12-11T12:00:00+02:00")]
    [InlineData("2024-12-11 10:00:00")]
    [InlineData("1733911200")]
    public async Task Timestamps_EveryVendorForm_ReadsSameInstant(string timestamp)
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/stages/1", json: $$"""{"id":1,"name":"S","created_at":"{{timestamp}}"}""");

        var stage = await stub.Client.Stages.GetAsync(1, Ct);

        Assert.Equal(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero), stage.CreatedAt);
    }

    [Fact]
    public async Task DateOnlyTimestamp_ReadsMidnightUtc()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/stages/1", json: """{"id":1,"name":"S","created_at":"2025-01-01"}""");

        var stage = await stub.Client.Stages.GetAsync(1, Ct);

        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), stage.CreatedAt);
    }

    [Fact]
    public async Task ListPage_MissingPagingNumbers_DefaultsToOnePage()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1/entries", json: """{"data":[{"id":"a"}]}""");

        var page = await stub.Client.Entries.ListAsync(1, cancellationToken: Ct);

        Assert.Equal(1, page.PageNumber);
        Assert.Equal(1, page.LastPage);
        Assert.False(page.HasMore);
    }
}
