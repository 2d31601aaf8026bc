using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed partial class EntryTests
{
    [GeneratedRegex("^[A-Za-z0-9_-]{20}$")]
    private static partial Regex EntryIdPattern();

    [Fact]
    public async Task CreateEntry_DocumentedExample_Returns201WithDocumentedShape()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero));
        await using var api = new Api(new CrmEmulatorOptions { TimeProvider = time, SeedLeadsEntity = true });

        var result = await api.Post("entities/1/entries", DocumentedExamples.EntryCreateRequest);

        Assert.Equal(HttpStatusCode.Created, result.Status);
        Shape.AssertMatches(DocumentedExamples.EntryCreateResponse, result.Json);
        var body = result.Body;
        Assert.Matches(EntryIdPattern(), body["id"]!.GetValue<string>());
        Assert.Equal("Jane Doe", body["title"]!.GetValue<string>());
        Assert.Equal(1, body["crm_entity_id"]!.GetValue<long>());
        Assert.Equal(42, body["brand_id"]!.GetValue<long>());
        Assert.Null(body["assigned_to_user_id"]);
        Assert.Null(body["assigned_to_team_id"]);
        Assert.True(body.AsObject().ContainsKey("assigned_to_team_id"));
        Assert.Equal("2024-12-11T10:00:00Z", body["created_at"]!.GetValue<string>());
        Assert.Equal("2024-12-11T10:00:00Z", body["updated_at"]!.GetValue<string>());
        Assert.Equal(["email", "phone", "lead_source"], body["values"]!.AsArray().Select(v => v!["key"]!.GetValue<string>()));
        Assert.Equal("+15551234567", body["values_flat"]!["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateEntry_EveryId_IsDistinctAndUrlSafe()
    {
        await using var api = Api.Seeded();

        var ids = new HashSet<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await api.CreateLead($"Lead {i}"));
        }

        Assert.Equal(50, ids.Count);
        Assert.All(ids, id => Assert.Matches(EntryIdPattern(), id));
    }

    [Theory]
    [InlineData("""{"pipeline_id":1,"stage_id":1}""", "title", "The title field is required.")]
    [InlineData("""{"title":"X","stage_id":1}""", "pipeline_id", "The pipeline id field is required.")]
    [InlineData("""{"title":"X","pipeline_id":1}""", "stage_id", "The stage id field is required.")]
    [InlineData("""{"title":"X","pipeline_id":99,"stage_id":1}""", "pipeline_id", "The selected pipeline id is invalid.")]
    [InlineData("""{"title":"X","pipeline_id":1,"stage_id":99}""", "stage_id", "The selected stage id is invalid.")]
    [InlineData("""{"title":"X","pipeline_id":"one","stage_id":1}""", "pipeline_id", "The pipeline id field must be an integer.")]
    [InlineData("""{"title":"X","pipeline_id":1,"stage_id":1,"values":{"shoe_size":42}}""", "values.shoe_size", "The values.shoe size field is not a field of this entity.")]
    [InlineData("""{"title":"X","pipeline_id":1,"stage_id":1,"values":{"lead_source":"Carrier pigeon"}}""", "values.lead_source", "The selected values.lead source is invalid.")]
    [InlineData("""{"title":"X","pipeline_id":1,"stage_id":1,"values":{"email":"not-an-email"}}""", "values.email", "The values.email field must be a valid email address.")]
    [InlineData("""{"title":"X","pipeline_id":1,"stage_id":1,"values":{"deal_value":"lots"}}""", "values.deal_value", "The values.deal value field must be a number.")]
    [InlineData("""{"title":"X","pipeline_id":1,"stage_id":1,"values":{"company":12}}""", "values.company", "The values.company field must be a string.")]
    [InlineData("""{"title":"X","pipeline_id":1,"stage_id":1,"values":["a"]}""", "values", "The values field must be an object of field keys to values.")]
    [InlineData("""{"title":"X","pipeline_id":1,"stage_id":1,"assigned_to_user_id":"me"}""", "assigned_to_user_id", "The assigned to user id field must be an integer.")]
    [InlineData("""{"title":"X","pipeline_id":1,"stage_id":1,"reference_id":123}""", "reference_id", "The reference id field must be a string.")]
    public async Task CreateEntry_InvalidBody_Returns422WithLaravelStyleErrors(string body, string attribute, string message)
    {
        await using var api = Api.Seeded();

        var result = await api.Post("entities/1/entries", body);

        Assert.Contains(message, result.ErrorsFor(attribute));
        Assert.Null(result.Body["message"]);
        Assert.Equal(0, api.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task CreateEntry_StageOfAnotherPipeline_Returns422()
    {
        await using var api = Api.Seeded();
        await api.Post("entities/1/pipelines", """{"name":"Other"}""");
        await api.Post("pipelines/2/stages", """{"name":"Elsewhere"}""");

        var result = await api.Post("entities/1/entries", """{"title":"X","pipeline_id":1,"stage_id":6}""");

        Assert.Contains("The selected stage id is invalid.", result.ErrorsFor("stage_id"));
    }

    [Fact]
    public async Task CreateEntry_PipelineOfAnotherEntity_Returns422()
    {
        await using var api = Api.Seeded();
        var deals = await api.CreateEntity("deals", "deals");

        var result = await api.Post($"entities/{deals}/entries", """{"title":"X","pipeline_id":1,"stage_id":1}""");

        Assert.Contains("The selected pipeline id is invalid.", result.ErrorsFor("pipeline_id"));
    }

    [Fact]
    public async Task CreateEntry_RequiredFieldMissing_Returns422()
    {
        await using var api = Api.Seeded();
        await api.Put("fields/1", """{"required":true}""");

        var missing = await api.Post("entities/1/entries", """{"title":"X","pipeline_id":1,"stage_id":1,"values":{"company":"Acme"}}""");
        var empty = await api.Post("entities/1/entries", """{"title":"X","pipeline_id":1,"stage_id":1,"values":{"email":""}}""");
        var present = await api.Post("entities/1/entries", """{"title":"X","pipeline_id":1,"stage_id":1,"values":{"email":"a@b.co"}}""");

        Assert.Equal(["The values.email field is required."], missing.ErrorsFor("values.email"));
        Assert.Equal(["The values.email field is required."], empty.ErrorsFor("values.email"));
        Assert.Equal(HttpStatusCode.Created, present.Status);
    }

    public static TheoryData<string, string, bool> TypedValues => new()
    {
        { "number", "12.5", true },
        { "number", "\"12.5\"", true },
        { "number", "\"twelve\"", false },
        { "number", "true", false },
        { "integer", "7", true },
        { "integer", "7.5", false },
        { "boolean", "true", true },
        { "boolean", "0", true },
        { "boolean", "\"yes\"", false },
        { "date", "\"2025-01-01\"", true },
        { "date", "\"2025-13-01\"", false },
        { "date", "\"01/01/2025\"", false },
        { "datetime", "\"2026-04-18T13:45:21+00:00\"", true },
        { "datetime", "\"yesterday\"", false },
        { "email", "\"jane@example.com\"", true },
        { "email", "\"jane.example.com\"", false },
        { "url", "\"https://example.com/x\"", true },
        { "url", "\"example\"", false },
        { "text", "\"hello\"", true },
        { "text", "[1]", false },
        { "json", "{\"a\":[1,2]}", true },
        { "multi_select", "[\"A\",\"B\"]", true },
        { "multi_select", "[\"A\",\"Z\"]", false },
        { "multi_select", "\"A\"", false },
        { "select", "\"B\"", true },
        { "select", "\"Z\"", false },
    };

    [Theory]
    [MemberData(nameof(TypedValues))]
    public async Task CreateEntry_ValueOfFieldType_IsValidatedByType(string type, string json, bool valid)
    {
        await using var api = Api.Seeded();
        var options = type.Contains("select", StringComparison.Ordinal) ? ""","options":["A","B","C"]""" : string.Empty;
        var field = await api.Post("entities/1/fields", $$"""{"name":"F","key":"f","type":"{{type}}"{{options}}}""");
        Assert.Equal(HttpStatusCode.Created, field.Status);

        var result = await api.Post("entities/1/entries", $$$"""{"title":"X","pipeline_id":1,"stage_id":1,"values":{"f":{{{json}}}}}""");

        Assert.Equal(valid ? HttpStatusCode.Created : HttpStatusCode.UnprocessableEntity, result.Status);
        if (valid)
        {
            // Stored as given: a numeric string stays a string.
            Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), result.Body["values_flat"]!["f"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task CreateEntry_DataModeEntity_HasNoPipelineOrStage()
    {
        await using var api = new Api();
        var rows = await api.CreateEntity("rows", "contacts", mode: "data");

        var created = await api.Post($"entities/{rows}/entries", """{"title":"Row","values":{"email":"a@b.co"}}""");
        var withStage = await api.Post($"entities/{rows}/entries", """{"title":"Row","pipeline_id":1,"stage_id":1}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Null(created.Body["pipeline_id"]);
        Assert.Null(created.Body["stage_id"]);
        Assert.Contains("The pipeline id field is prohibited.", withStage.ErrorsFor("pipeline_id"));
        Assert.Contains("The stage id field is prohibited.", withStage.ErrorsFor("stage_id"));
    }

    [Fact]
    public async Task GetEntry_BothRouteForms_ReturnTheEntry()
    {
        await using var api = Api.Seeded();
        var id = await api.CreateLead("Jane");

        var shortForm = await api.Get($"entries/{id}");
        var nested = await api.Get($"entities/1/entries/{id}");

        Assert.Equal(HttpStatusCode.OK, shortForm.Status);
        Assert.Equal(shortForm.Text, nested.Text);
        Assert.Equal(id, nested.Body["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task EntryRoutes_NestedUnderWrongEntity_Return404()
    {
        await using var api = Api.Seeded();
        var other = await api.CreateEntity("deals", "deals");
        var id = await api.CreateLead("Jane");

        Assert.Equal(HttpStatusCode.NotFound, (await api.Get($"entities/{other}/entries/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Put($"entities/{other}/entries/{id}", """{"title":"Y"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Put($"entities/{other}/entries/{id}/stage", """{"stage_id":2}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Delete($"entities/{other}/entries/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get($"entities/999/entries/{id}")).Status);
        Assert.Equal("Jane", (await api.Get($"entries/{id}")).Body["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetEntry_Unknown_Returns404()
    {
        await using var api = Api.Seeded();

        var result = await api.Get("entries/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.NotNull(result.Body["message"]);
    }

    [Fact]
    public async Task UpdateEntry_DocumentedExample_MergesValuesAndAssigns()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero));
        await using var api = new Api(new CrmEmulatorOptions { TimeProvider = time, SeedLeadsEntity = true });
        var id = (await api.Post("entities/1/entries", DocumentedExamples.EntryCreateRequest)).Body["id"]!.GetValue<string>();
        time.Advance(TimeSpan.FromMinutes(5));

        var result = await api.Put($"entries/{id}", DocumentedExamples.EntryUpdateRequest);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var flat = result.Body["values_flat"]!;
        Assert.Equal("jane@example.com", flat["email"]!.GetValue<string>());
        Assert.Equal("Google", flat["lead_source"]!.GetValue<string>());
        Assert.Equal("+15559876543", flat["phone"]!.GetValue<string>());
        Assert.Equal(7, result.Body["assigned_to_user_id"]!.GetValue<long>());
        Assert.Equal("Jane Doe", result.Body["title"]!.GetValue<string>());
        Assert.Equal("conv-123", result.Body["reference_id"]!.GetValue<string>());
        Assert.Equal("2024-12-11T10:00:00Z", result.Body["created_at"]!.GetValue<string>());
        Assert.Equal("2024-12-11T10:05:00Z", result.Body["updated_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateEntry_ValueSetToNull_ClearsThatKeyOnly()
    {
        await using var api = Api.Seeded();
        var id = await api.CreateLead("Jane", values: """{"email":"j@x.co","company":"Acme"}""");

        var result = await api.Put($"entities/1/entries/{id}", """{"values":{"company":null}}""");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.False(result.Body["values_flat"]!.AsObject().ContainsKey("company"));
        Assert.Equal("j@x.co", result.Body["values_flat"]!["email"]!.GetValue<string>());
        Assert.Single(result.Body["values"]!.AsArray());
    }

    [Fact]
    public async Task UpdateEntry_ClearRequiredValue_Returns422()
    {
        await using var api = Api.Seeded();
        var id = await api.CreateLead("Jane", values: """{"email":"j@x.co"}""");
        await api.Put("fields/1", """{"required":true}""");

        var result = await api.Put($"entries/{id}", """{"values":{"email":null}}""");

        Assert.Contains("The values.email field is required.", result.ErrorsFor("values.email"));
    }

    [Fact]
    public async Task UpdateEntry_InvalidValue_Returns422AndKeepsEntry()
    {
        await using var api = Api.Seeded();
        var id = await api.CreateLead("Jane", values: """{"lead_source":"Google"}""");

        var result = await api.Put($"entries/{id}", """{"title":"Changed","values":{"lead_source":"Fax"}}""");

        Assert.NotEmpty(result.ErrorsFor("values.lead_source"));
        var entry = (await api.Get($"entries/{id}")).Body;
        Assert.Equal("Jane", entry["title"]!.GetValue<string>());
        Assert.Equal("Google", entry["values_flat"]!["lead_source"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateEntry_PipelineWithoutMatchingStage_Returns422()
    {
        await using var api = Api.Seeded();
        await api.Post("entities/1/pipelines", """{"name":"Other"}""");
        await api.Post("pipelines/2/stages", """{"name":"Elsewhere"}""");
        var id = await api.CreateLead("Jane");

        var alone = await api.Put($"entries/{id}", """{"pipeline_id":2}""");
        var paired = await api.Put($"entries/{id}", """{"pipeline_id":2,"stage_id":6}""");

        Assert.NotEmpty(alone.ErrorsFor("stage_id"));
        Assert.Equal(HttpStatusCode.OK, paired.Status);
        Assert.Equal(2, paired.Body["pipeline_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task MoveStage_DocumentedExample_ReturnsDocumentedShape()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero));
        await using var api = new Api(new CrmEmulatorOptions { TimeProvider = time, SeedLeadsEntity = true });
        var id = await api.CreateLead("Jane");
        time.Advance(TimeSpan.FromMinutes(5));

        var result = await api.Put($"entries/{id}/stage", DocumentedExamples.MoveStageRequest);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Shape.AssertMatches(DocumentedExamples.MoveStageResponse, result.Json);
        Assert.Equal(id, result.Body["id"]!.GetValue<string>());
        Assert.Equal(3, result.Body["stage_id"]!.GetValue<long>());
        Assert.Equal("2024-12-11T10:05:00Z", result.Body["updated_at"]!.GetValue<string>());
        Assert.Equal(3, (await api.Get($"entries/{id}")).Body["stage_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task MoveStage_NestedForm_MovesEntry()
    {
        await using var api = Api.Seeded();
        var id = await api.CreateLead("Jane");

        var result = await api.Put($"entities/1/entries/{id}/stage", """{"stage_id":4}""");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(4, (await api.Get($"entries/{id}")).Body["stage_id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{}""", "The stage id field is required.")]
    [InlineData("""{"stage_id":999}""", "The selected stage id is invalid. It must belong to the entry's current pipeline.")]
    [InlineData("""{"stage_id":6}""", "The selected stage id is invalid. It must belong to the entry's current pipeline.")]
    public async Task MoveStage_StageMissingOrOutsidePipeline_Returns422(string body, string message)
    {
        await using var api = Api.Seeded();
        await api.Post("entities/1/pipelines", """{"name":"Other"}""");
        await api.Post("pipelines/2/stages", """{"name":"Elsewhere"}""");
        var id = await api.CreateLead("Jane");

        var result = await api.Put($"entries/{id}/stage", body);

        Assert.Equal([message], result.ErrorsFor("stage_id"));
        Assert.Equal(1, (await api.Get($"entries/{id}")).Body["stage_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task DeleteEntry_BothForms_Return204()
    {
        await using var api = Api.Seeded();
        var first = await api.CreateLead("One");
        var second = await api.CreateLead("Two");

        var shortForm = await api.Delete($"entries/{first}");
        var nested = await api.Delete($"entities/1/entries/{second}");

        Assert.Equal(HttpStatusCode.NoContent, shortForm.Status);
        Assert.Equal(HttpStatusCode.NoContent, nested.Status);
        Assert.Equal(0, api.Emulator.EntryCount(1));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Delete($"entries/{first}")).Status);
    }

    [Fact]
    public async Task EntryId_WithEscapedCharacters_IsOneSegment()
    {
        await using var api = Api.Seeded();

        var result = await api.Get("entries/a%2Fb");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("Entry not found.", result.Body["message"]!.GetValue<string>());
    }
}
