using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class PipelineTests
{
    [Fact]
    public async Task CreatePipeline_DocumentedExample_Returns201WithDocumentedShape()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero));
        await using var api = new Api(new CrmEmulatorOptions { TimeProvider = time });
        await api.CreateEntity("leads");

        var result = await api.Post("entities/1/pipelines", DocumentedExamples.PipelineCreateRequest);

        Assert.Equal(HttpStatusCode.Created, result.Status);
        Shape.AssertMatches(DocumentedExamples.PipelineCreateResponse, result.Json);
        Assert.Equal(1, result.Body["id"]!.GetValue<long>());
        Assert.Equal(1, result.Body["crm_entity_id"]!.GetValue<long>());
        Assert.Equal(42, result.Body["brand_id"]!.GetValue<long>());
        Assert.Equal("2024-12-11T10:00:00.000000Z", result.Body["created_at"]!.GetValue<string>());
        Assert.Empty(result.Body["stages"]!.AsArray());
    }

    [Fact]
    public async Task CreatePipeline_IdsIncrementPerResourceType()
    {
        await using var api = Api.Seeded();

        var second = await api.Post("entities/1/pipelines", """{"name":"Second"}""");
        var stage = await api.Post("pipelines/2/stages", """{"name":"Only"}""");

        Assert.Equal(2, second.Body["id"]!.GetValue<long>());
        Assert.Equal(6, stage.Body["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task CreatePipeline_MissingName_Returns422()
    {
        await using var api = Api.Seeded();

        var result = await api.Post("entities/1/pipelines", "{}");

        Assert.Equal(["The name field is required."], result.ErrorsFor("name"));
    }

    [Fact]
    public async Task CreatePipeline_DataModeEntity_Returns422()
    {
        await using var api = new Api();
        var id = await api.CreateEntity("rows", mode: "data");

        var result = await api.Post($"entities/{id}/pipelines", """{"name":"Nope"}""");

        Assert.NotEmpty(result.ErrorsFor("entity"));
    }

    [Fact]
    public async Task CreatePipeline_UnknownEntity_Returns404()
    {
        await using var api = new Api();

        var result = await api.Post("entities/7/pipelines", """{"name":"X"}""");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
    }

    [Fact]
    public async Task ListPipelines_ByEntity_ReturnsOnlyThatEntitysPipelinesWithStages()
    {
        await using var api = Api.Seeded();
        var other = await api.CreateEntity("deals", "deals");

        var result = await api.Get("entities/1/pipelines");

        var pipeline = Assert.Single(result.Body.AsArray())!;
        Assert.Equal("Sales Pipeline", pipeline["name"]!.GetValue<string>());
        Assert.Equal(5, pipeline["stages"]!.AsArray().Count);
        Assert.Single((await api.Get($"entities/{other}/pipelines")).Body.AsArray());
    }

    [Fact]
    public async Task GetPipeline_Existing_ReturnsPipelineWithOrderedStages()
    {
        await using var api = Api.Seeded();

        var result = await api.Get("pipelines/1");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("New Lead", result.Body["stages"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get("pipelines/2")).Status);
    }

    [Fact]
    public async Task UpdatePipeline_Name_ReturnsRenamedPipeline()
    {
        await using var api = Api.Seeded();

        var result = await api.Put("pipelines/1", """{"name":"Inbound"}""");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Inbound", (await api.Get("pipelines/1")).Body["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletePipeline_WithStagesAndEntries_CascadesToBoth()
    {
        await using var api = Api.Seeded();
        await api.Post("entities/1/pipelines", """{"name":"Other"}""");
        await api.Post("pipelines/2/stages", """{"name":"Only"}""");
        await api.CreateLead("In pipeline 1");
        await api.Post("entities/1/entries", """{"title":"In pipeline 2","pipeline_id":2,"stage_id":6}""");

        var result = await api.Delete("pipelines/1");

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get("stages/1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.Get("stages/6")).Status);
        Assert.Equal(1, api.Emulator.EntryCount(1));
        Assert.Equal(0, (await api.Get("entities/1")).Body["pipelines"]!.AsArray().Count(p => p!["id"]!.GetValue<long>() == 1));
    }
}
