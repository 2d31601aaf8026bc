using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Pipelines;

public sealed class PipelinesClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_SendsGetUnderEntity_ReadsPipelines()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1/pipelines", json: CrmStub.Fixture("pipelines/list.json"));

        var pipelines = await stub.Client.Pipelines.ListAsync(1, Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/entities/1/pipelines");
        var pipeline = Assert.Single(pipelines);
        Assert.Equal(1, pipeline.Id);
        Assert.Equal(1, pipeline.CrmEntityId);
    }

    [Fact]
    public async Task GetAsync_SendsGet_ReadsStages()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/pipelines/1", json: CrmStub.Fixture("pipelines/get.json"));

        var pipeline = await stub.Client.Pipelines.GetAsync(1, Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/pipelines/1");
        Assert.Equal("Sales Pipeline", pipeline.Name);
        Assert.Equal(4, pipeline.Stages.Count);
    }

    [Fact]
    public async Task CreateAsync_DocumentedExample_SendsNameAndReadsPipeline()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities/1/pipelines", 201, CrmStub.Fixture("pipelines/create.json"));

        var pipeline = await stub.Client.Pipelines.CreateAsync(1, new PipelineCreateRequest { Name = "Sales Pipeline" }, Ct);

        stub.AssertSent("POST", "/api/brands/42/crm/entities/1/pipelines", """{"name":"Sales Pipeline"}""");
        Assert.Equal(1, pipeline.Id);
        Assert.Equal("Sales Pipeline", pipeline.Name);
        Assert.Equal(1, pipeline.CrmEntityId);
        Assert.Equal(42, pipeline.BrandId);
        Assert.Equal(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero), pipeline.CreatedAt);
    }

    [Fact]
    public async Task UpdateAsync_SendsPutWithName()
    {
        using var stub = new CrmStub().Respond("PUT", "/api/brands/42/crm/pipelines/5", json: CrmStub.Fixture("pipelines/create.json"));

        await stub.Client.Pipelines.UpdateAsync(5, new PipelineUpdateRequest { Name = "Renamed" }, Ct);

        stub.AssertSent("PUT", "/api/brands/42/crm/pipelines/5", """{"name":"Renamed"}""");
    }

    [Fact]
    public async Task DeleteAsync_SendsDelete()
    {
        using var stub = new CrmStub().Respond("DELETE", "/api/brands/42/crm/pipelines/5", 204);

        await stub.Client.Pipelines.DeleteAsync(5, Ct);

        stub.AssertSent("DELETE", "/api/brands/42/crm/pipelines/5");
    }

    [Fact]
    public async Task CreateAsync_NameMissing_ThrowsBeforeSending()
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Pipelines.CreateAsync(1, new PipelineCreateRequest(), Ct));

        Assert.Contains("Name", ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task CreateAsync_EntityIdZero_ThrowsBeforeSending()
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.Pipelines.CreateAsync(0, new PipelineCreateRequest { Name = "P" }, Ct));

        Assert.Equal("entityId", ex.ParamName);
        Assert.Empty(stub.Requests);
    }
}
