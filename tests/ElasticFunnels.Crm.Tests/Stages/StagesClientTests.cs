using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Stages;

public sealed class StagesClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_SendsGetUnderPipeline_ReadsStagesInOrder()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/pipelines/1/stages", json: CrmStub.Fixture("stages/list.json"));

        var stages = await stub.Client.Stages.ListAsync(1, Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/pipelines/1/stages");
        Assert.Equal([1L, 2L, 3L, 4L], stages.Select(s => s.Id));
    }

    [Fact]
    public async Task GetAsync_SendsGet_ReadsStage()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/stages/3", json: CrmStub.Fixture("stages/create.json"));

        var stage = await stub.Client.Stages.GetAsync(3, Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/stages/3");
        Assert.Equal("Qualified", stage.Name);
        Assert.Equal(1, stage.PipelineId);
    }

    [Fact]
    public async Task CreateAsync_DocumentedExample_SendsNameColorPosition()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/pipelines/1/stages", 201, CrmStub.Fixture("stages/create.json"));

        var stage = await stub.Client.Stages.CreateAsync(1, new StageCreateRequest { Name = "Qualified", Color = "#10b981", Position = 2 }, Ct);

        stub.AssertSent("POST", "/api/brands/42/crm/pipelines/1/stages", """{"name":"Qualified","color":"#10b981","position":2}""");
        Assert.Equal(3, stage.Id);
        Assert.Equal(2, stage.Position);
        Assert.Equal("#10b981", stage.Color);
        Assert.Equal(1, stage.PipelineId);
        Assert.Equal(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero), stage.CreatedAt);
    }

    [Fact]
    public async Task UpdateAsync_SendsPut()
    {
        using var stub = new CrmStub().Respond("PUT", "/api/brands/42/crm/stages/3", json: CrmStub.Fixture("stages/create.json"));

        await stub.Client.Stages.UpdateAsync(3, new StageUpdateRequest { Color = "#ffffff" }, Ct);

        stub.AssertSent("PUT", "/api/brands/42/crm/stages/3", """{"color":"#ffffff"}""");
    }

    [Fact]
    public async Task ReorderAsync_DocumentedExample_SendsStagesArray()
    {
        using var stub = new CrmStub().Respond("PUT", "/api/brands/42/crm/stages/reorder", 200, """{"success":true}""");

        await stub.Client.Stages.ReorderAsync([new(1, 0), new(3, 1), new(2, 2), new(4, 3)], Ct);

        stub.AssertSent("PUT", "/api/brands/42/crm/stages/reorder", """
            {"stages":[{"id":1,"position":0},{"id":3,"position":1},{"id":2,"position":2},{"id":4,"position":3}]}
            """);
    }

    [Fact]
    public async Task DeleteAsync_SendsDelete()
    {
        using var stub = new CrmStub().Respond("DELETE", "/api/brands/42/crm/stages/3", 204);

        await stub.Client.Stages.DeleteAsync(3, Ct);

        stub.AssertSent("DELETE", "/api/brands/42/crm/stages/3");
    }

    [Fact]
    public async Task ReorderAsync_Empty_ThrowsBeforeSending()
    {
        using var stub = new CrmStub();

        await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Stages.ReorderAsync([], Ct));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task ReorderAsync_DuplicateId_ThrowsBeforeSending()
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Stages.ReorderAsync([new(1, 0), new(1, 1)], Ct));

        Assert.Contains("more than once", ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task CreateAsync_NegativePosition_ThrowsBeforeSending()
    {
        using var stub = new CrmStub();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.Stages.CreateAsync(1, new StageCreateRequest { Name = "X", Position = -1 }, Ct));

        Assert.Empty(stub.Requests);
    }
}
