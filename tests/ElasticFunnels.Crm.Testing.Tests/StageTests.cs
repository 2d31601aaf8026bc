using System.Net;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class StageTests
{
    [Fact]
    public async Task CreateStage_DocumentedExample_Returns201WithDocumentedShape()
    {
        await using var api = new Api();
        await api.CreateEntity("leads");
        await api.Post("entities/1/pipelines", DocumentedExamples.PipelineCreateRequest);
        await api.Post("pipelines/1/stages", """{"name":"Prospect"}""");
        await api.Post("pipelines/1/stages", """{"name":"Contacted"}""");

        var result = await api.Post("pipelines/1/stages", DocumentedExamples.StageCreateRequest);

        Assert.Equal(HttpStatusCode.Created, result.Status);
        Shape.AssertMatches(DocumentedExamples.StageCreateResponse, result.Json);
        Assert.Equal(3, result.Body["id"]!.GetValue<long>());
        Assert.Equal(2, result.Body["position"]!.GetValue<long>());
        Assert.Equal("#10b981", result.Body["color"]!.GetValue<string>());
        Assert.Equal(1, result.Body["pipeline_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task CreateStage_WithoutPosition_GoesAfterLast()
    {
        await using var api = Api.Seeded();

        var result = await api.Post("pipelines/1/stages", """{"name":"Nurture"}""");

        Assert.Equal(5, result.Body["position"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{}""", "name", "The name field is required.")]
    [InlineData("""{"name":"X","position":-1}""", "position", "The position field must be at least 0.")]
    [InlineData("""{"name":"X","position":"first"}""", "position", "The position field must be an integer.")]
    [InlineData("""{"name":"X","color":"#1234567890123456789012345678901234567890123456789012345678901234567890"}""", "color", "The color field must not be greater than 64 characters.")]
    public async Task CreateStage_InvalidBody_Returns422(string body, string attribute, string message)
    {
        await using var api = Api.Seeded();

        var result = await api.Post("pipelines/1/stages", body);

        Assert.Contains(message, result.ErrorsFor(attribute));
    }

    [Fact]
    public async Task ListStages_AfterPositionChange_OrdersByPosition()
    {
        await using var api = Api.Seeded();
        await api.Put("stages/1", """{"position":10}""");

        var result = await api.Get("pipelines/1/stages");

        Assert.Equal([2L, 3, 4, 5, 1], result.Body.AsArray().Select(s => s!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task GetStage_Existing_ReturnsStage()
    {
        await using var api = Api.Seeded();

        var result = await api.Get("stages/3");

        Assert.Equal("Qualified", result.Body["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get("stages/99")).Status);
    }

    [Fact]
    public async Task UpdateStage_NameAndColor_ChangesThem()
    {
        await using var api = Api.Seeded();

        var result = await api.Put("stages/2", """{"name":"Reached","color":"#000000"}""");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Reached", result.Body["name"]!.GetValue<string>());
        Assert.Equal("#000000", result.Body["color"]!.GetValue<string>());
        Assert.Equal(1, result.Body["position"]!.GetValue<long>());
    }

    [Fact]
    public async Task ReorderStages_DocumentedExample_UpdatesPositions()
    {
        await using var api = Api.Seeded();

        var result = await api.Put("stages/reorder", DocumentedExamples.StageReorderRequest);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var order = (await api.Get("pipelines/1/stages")).Body.AsArray().Select(s => s!["id"]!.GetValue<long>()).Take(4);
        Assert.Equal([1L, 3, 2, 4], order);
    }

    [Fact]
    public async Task ReorderStages_UnknownId_Returns422AndChangesNothing()
    {
        await using var api = Api.Seeded();

        var result = await api.Put("stages/reorder", """{"stages":[{"id":2,"position":0},{"id":999,"position":1}]}""");

        Assert.Contains("The selected stages.1.id is invalid.", result.ErrorsFor("stages.1.id"));
        Assert.Equal(1, (await api.Get("stages/2")).Body["position"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{}""", "stages")]
    [InlineData("""{"stages":[]}""", "stages")]
    [InlineData("""{"stages":"1,2"}""", "stages")]
    [InlineData("""{"stages":[{"id":1}]}""", "stages.0.position")]
    [InlineData("""{"stages":[{"position":1}]}""", "stages.0.id")]
    public async Task ReorderStages_InvalidBody_Returns422(string body, string attribute)
    {
        await using var api = Api.Seeded();

        var result = await api.Put("stages/reorder", body);

        Assert.NotEmpty(result.ErrorsFor(attribute));
    }

    [Fact]
    public async Task ReorderRoute_IsNotCapturedByStageIdRoutes()
    {
        await using var api = Api.Seeded();

        var get = await api.Get("stages/reorder");
        var delete = await api.Delete("stages/reorder");

        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal(HttpStatusCode.NotFound, delete.Status);
        Assert.Equal(5, (await api.Get("pipelines/1/stages")).Body.AsArray().Count);
    }

    [Fact]
    public async Task DeleteStage_WithEntries_DeletesStageAndItsEntries()
    {
        await using var api = Api.Seeded();
        var inStage1 = await api.CreateLead("One", stageId: 1);
        var inStage2 = await api.CreateLead("Two", stageId: 2);

        var result = await api.Delete("stages/1");

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get($"entries/{inStage1}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.Get($"entries/{inStage2}")).Status);
        Assert.Equal(4, (await api.Get("pipelines/1/stages")).Body.AsArray().Count);
    }
}
