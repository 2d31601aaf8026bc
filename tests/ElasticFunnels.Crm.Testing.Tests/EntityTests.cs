using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class EntityTests
{
    [Fact]
    public async Task GetPresets_Always_ReturnsDocumentedPresets()
    {
        await using var api = new Api();

        var result = await api.Get("entity-presets");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("application/json", result.ContentType);
        Shape.AssertMatches(DocumentedExamples.PresetsResponse, result.Json);
        Assert.Equal(["leads", "contacts", "deals"], result.Body["presets"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()));
        Assert.Equal("Track inbound leads through a sales process", result.Body["presets"]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateEntity_DocumentedExample_Returns201WithDocumentedShape()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero));
        await using var api = new Api(new CrmEmulatorOptions { TimeProvider = time });

        var result = await api.Post("entities", DocumentedExamples.EntityCreateRequest);

        Assert.Equal(HttpStatusCode.Created, result.Status);
        Shape.AssertMatches(DocumentedExamples.EntityCreateResponse, result.Json);
        Assert.Equal(JsonNode.Parse(DocumentedExamples.EntityCreateResponse)!.ToJsonString(), Pick(result.Body, "id", "name", "slug", "singular_name", "plural_name", "icon", "color", "brand_id", "created_at").ToJsonString());
        Assert.Equal("2024-12-11T10:00:00.000000Z", result.Body["updated_at"]!.GetValue<string>());
        Assert.Equal("crm", result.Body["entity_mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateEntity_LeadsPreset_CreatesSalesPipelineStagesAndFields()
    {
        await using var api = new Api();
        await api.Post("entities", DocumentedExamples.EntityCreateRequest);

        var entity = (await api.Get("entities/1")).Body;

        Shape.AssertMatches(DocumentedExamples.EntityGetResponse, entity);
        var pipeline = Assert.Single(entity["pipelines"]!.AsArray())!;
        Assert.Equal("Sales Pipeline", pipeline["name"]!.GetValue<string>());
        Assert.Equal(["New Lead", "Contacted", "Qualified", "Closed Won", "Closed Lost"], pipeline["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal([0L, 1, 2, 3, 4], pipeline["stages"]!.AsArray().Select(s => s!["position"]!.GetValue<long>()));
        var fields = entity["fields"]!.AsArray();
        Assert.Equal(["email", "phone", "lead_source", "company", "deal_value"], fields.Select(f => f!["key"]!.GetValue<string>()));
        Assert.Equal(["email", "phone", "select", "text", "number"], fields.Select(f => f!["type"]!.GetValue<string>()));
        Assert.Equal(["Facebook", "Google", "Organic", "Referral"], fields[2]!["options"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Theory]
    [InlineData("contacts", "email")]
    [InlineData("deals", "amount")]
    public async Task CreateEntity_OtherPresets_CreatePipelineAndFields(string preset, string expectedField)
    {
        await using var api = new Api();
        var id = await api.CreateEntity(preset, preset);

        var entity = (await api.Get($"entities/{id}")).Body;

        Assert.Single(entity["pipelines"]!.AsArray());
        Assert.True(entity["pipelines"]![0]!["stages"]!.AsArray().Count >= 3);
        Assert.Contains(expectedField, entity["fields"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListEntities_SeededLeads_MatchesDocumentedListShapeWithCounts()
    {
        await using var api = Api.Seeded();
        await api.CreateEntity("empty");

        var result = await api.Get("entities");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Shape.AssertMatches(DocumentedExamples.EntityListResponse, result.Json);
        var list = result.Body.AsArray();
        Assert.Equal(2, list.Count);
        Assert.Equal(1, list[0]!["pipelines_count"]!.GetValue<int>());
        Assert.Equal(5, list[0]!["fields_count"]!.GetValue<int>());
        Assert.Equal(0, list[1]!["pipelines_count"]!.GetValue<int>());
        Assert.Equal(42, list[0]!["brand_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task GetEntity_Unknown_Returns404Json()
    {
        await using var api = new Api();

        var result = await api.Get("entities/999");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.NotNull(result.Body["message"]);
    }

    [Theory]
    [InlineData("""{"slug":"leads"}""", "name", "The name field is required.")]
    [InlineData("""{"name":"Leads"}""", "slug", "The slug field is required.")]
    [InlineData("""{"name":"Leads","slug":"Leads!"}""", "slug", "The slug field format is invalid.")]
    [InlineData("""{"name":"Leads","slug":"leads","preset":"unicorns"}""", "preset", "The selected preset is invalid.")]
    [InlineData("""{"name":"Leads","slug":"leads","mode":"graph"}""", "mode", "The selected mode is invalid.")]
    [InlineData("""{"name":"Leads","slug":"leads","entity_mode":"graph"}""", "entity_mode", "The selected entity mode is invalid.")]
    [InlineData("""{"name":"   ","slug":"leads"}""", "name", "The name field is required.")]
    [InlineData("""{"name":5,"slug":"leads"}""", "name", "The name field must be a string.")]
    public async Task CreateEntity_InvalidBody_Returns422WithFieldErrors(string body, string attribute, string message)
    {
        await using var api = new Api();

        var result = await api.Post("entities", body);

        Assert.Contains(message, result.ErrorsFor(attribute));
        Assert.Null(result.Body["message"]);
        Assert.Empty((await api.Get("entities")).Body.AsArray());
    }

    [Theory]
    [InlineData("icon")]
    [InlineData("color")]
    public async Task CreateEntity_IconOrColorOver64Chars_Returns422(string attribute)
    {
        await using var api = new Api();

        var result = await api.Post("entities", $$"""{"name":"Leads","slug":"leads","{{attribute}}":"{{new string('x', 65)}}"}""");

        Assert.Contains($"The {attribute} field must not be greater than 64 characters.", result.ErrorsFor(attribute));
    }

    [Fact]
    public async Task CreateEntity_SlugWithHyphensAndUnderscores_IsAccepted()
    {
        await using var api = new Api();

        var result = await api.Post("entities", """{"name":"X","slug":"my-leads_2"}""");

        Assert.Equal(HttpStatusCode.Created, result.Status);
    }

    [Fact]
    public async Task CreateEntity_DuplicateSlug_Returns422Taken()
    {
        await using var api = Api.Seeded();

        var result = await api.Post("entities", """{"name":"Other","slug":"leads"}""");

        Assert.Contains("The slug has already been taken.", result.ErrorsFor("slug"));
    }

    [Fact]
    public async Task CreateEntity_DataModeWithPreset_HasFieldsButNoPipelines()
    {
        await using var api = new Api();

        var created = await api.Post("entities", """{"name":"Rows","slug":"rows","entity_mode":"data","preset":"leads"}""");
        var entity = (await api.Get($"entities/{created.Body["id"]}")).Body;

        Assert.Equal("data", created.Body["mode"]!.GetValue<string>());
        Assert.Empty(entity["pipelines"]!.AsArray());
        Assert.Equal(5, entity["fields"]!.AsArray().Count);
    }

    [Fact]
    public async Task UpdateEntity_PartialBody_ChangesOnlySentFields()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero));
        await using var api = new Api(new CrmEmulatorOptions { TimeProvider = time, SeedLeadsEntity = true });
        time.Advance(TimeSpan.FromMinutes(5));

        var result = await api.Put("entities/1", """{"name":"Prospects","icon":null}""");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Prospects", result.Body["name"]!.GetValue<string>());
        Assert.Equal("leads", result.Body["slug"]!.GetValue<string>());
        Assert.Null(result.Body["icon"]);
        Assert.Equal("#3b82f6", result.Body["color"]!.GetValue<string>());
        Assert.Equal("2024-12-11T10:05:00.000000Z", result.Body["updated_at"]!.GetValue<string>());
        Assert.Equal("2024-12-11T10:00:00.000000Z", result.Body["created_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateEntity_SameSlugAsItself_IsAllowedButOthersSlugIsTaken()
    {
        await using var api = Api.Seeded();
        await api.CreateEntity("deals");

        var own = await api.Put("entities/1", """{"slug":"leads"}""");
        var other = await api.Put("entities/1", """{"slug":"deals"}""");

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("The slug has already been taken.", other.ErrorsFor("slug"));
    }

    [Fact]
    public async Task UpdateEntity_NameNull_Returns422Required()
    {
        await using var api = Api.Seeded();

        var result = await api.Put("entities/1", """{"name":null}""");

        Assert.Contains("The name field is required.", result.ErrorsFor("name"));
    }

    [Fact]
    public async Task UpdateEntity_ChangeMode_Returns422()
    {
        await using var api = Api.Seeded();

        var result = await api.Put("entities/1", """{"mode":"data"}""");

        Assert.NotEmpty(result.ErrorsFor("mode"));
    }

    [Fact]
    public async Task DeleteEntity_WithSchemaAndEntries_Returns204AndCascades()
    {
        await using var api = Api.Seeded();
        await api.CreateLead("Jane");

        var result = await api.Delete("entities/1");

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        Assert.Equal(string.Empty, result.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get("entities/1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get("pipelines/1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get("stages/1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get("fields/1")).Status);
        Assert.Equal(0, api.Emulator.EntryCount(1));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Delete("entities/1")).Status);
    }

    private static JsonObject Pick(JsonNode source, params string[] keys)
    {
        var result = new JsonObject();
        foreach (var key in keys)
        {
            result[key] = source[key]?.DeepClone();
        }

        return result;
    }
}
