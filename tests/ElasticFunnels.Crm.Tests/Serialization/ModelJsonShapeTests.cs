using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Serialization;

/// <summary>The documented JSON of the models: the API's snake_case names, one flat values object, failures as data.</summary>
public sealed partial class ModelJsonShapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Serializers => [ModelSerializers.Web, ModelSerializers.Context, ModelSerializers.Foreign];

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Serialize_FactoryEntry_WritesTheDocumentedJson(string serializer)
    {
        var entry = Sample<Entry>("entry");

        Assert.Equal(
            """
            {"id":"es-1","title":"Jane Doe","pipeline_id":1,"stage_id":2,"crm_entity_id":1,"brand_id":null,"reference_type":"conversion","reference_id":"c-1","assigned_to_user_id":null,"assigned_to_team_id":null,"values":{"email":"jane@example.com","deal_value":1200.50,"close":"2025-01-31","vip":true,"tags":["a","b"],"cleared":null},"customer":null,"created_at":"2025-03-01T12:00:00Z","updated_at":"2025-03-01T13:00:00Z"}
            """,
            ModelSerializers.Serialize(serializer, ModelSample.Of("entry", entry)));
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Serialize_PageAndBulkResult_WriteDataNotDerivedMembers(string serializer)
    {
        var bare = CrmModelFactory.Entry("es-2");
        var page = new CrmPage<Entry> { Values = [bare], PageNumber = 2, LastPage = 3, PerPage = 1, Total = 3, ContinuationToken = "t" };
        var bulk = new BulkResult<Entry>([BulkItemResult<Entry>.Success(0, bare), BulkItemResult<Entry>.NotAttempted(1)], isCanceled: true);
        const string bareJson = """{"id":"es-2","title":null,"pipeline_id":null,"stage_id":null,"crm_entity_id":null,"brand_id":null,"reference_type":null,"reference_id":null,"assigned_to_user_id":null,"assigned_to_team_id":null,"values":{},"customer":null,"created_at":null,"updated_at":null}""";

        Assert.Equal(
            $$"""{"values":[{{bareJson}}],"page_number":2,"last_page":3,"per_page":1,"total":3,"continuation_token":"t"}""",
            ModelSerializers.Serialize(serializer, ModelSample.Of("page", page)));
        Assert.Equal(
            $$"""{"items":[{"index":0,"status":"succeeded","value":{{bareJson}},"error":null},{"index":1,"status":"not_attempted","value":null,"error":null}],"succeeded":1,"failed":0,"not_attempted":1,"is_canceled":true}""",
            ModelSerializers.Serialize(serializer, ModelSample.Of("bulk", bulk)));
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Serialize_ConversionPostback_WritesThePostbackShapeWithoutRaw(string serializer)
    {
        var payload = ModelSamples.FromWireFixtures().Single(s => s.Name == "conversion postback");

        Assert.Equal(
            """
            {"event":"purchase","customer":{"email":"jane@example.com","first_name":"Jane","last_name":null,"phone":null,"country":null,"id":"77"},"order":{"order_id":"1001","conversion_code":"conv-1001","amount":49.90,"total":null,"currency":"USD","product_id":null,"product_name":null,"status":null},"tracking":{"utm_source":"facebook","utm_medium":null,"utm_campaign":null,"utm_term":null,"utm_content":null},"created_at":"2024-12-11T10:00:00Z"}
            """,
            ModelSerializers.Serialize(serializer, payload));
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public async Task Serialize_EntityFromTheEmulator_SnakeCaseNamesOnceEach(string serializer)
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var entity = await crm.Client.Entities.GetAsync(crm.Leads.Id, Ct);

        var json = JsonNode.Parse(ModelSerializers.Serialize(serializer, ModelSample.Of("entity", entity)))!.AsObject();

        Assert.Equal("crm", (string?)json["mode"]);
        Assert.False(json.ContainsKey("entity_mode"));
        var stage = json["pipelines"]![0]!["stages"]![1]!.AsObject();
        Assert.Equal(("Contacted", 1), ((string?)stage["name"], (int?)stage["position"]));
        Assert.False(stage.ContainsKey("order"));
        var source = json["fields"]!.AsArray().Single(f => (string?)f!["key"] == "lead_source")!.AsObject();
        Assert.Equal(("Lead Source", "select"), ((string?)source["name"], (string?)source["type"]));
        Assert.Equal("""["Facebook","Google","Organic","Referral"]""", source["options"]!.ToJsonString());
        Assert.False(source.ContainsKey("label"));
        Assert.All(PropertyNames(json), name => Assert.Matches(SnakeCase(), name));
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public void Serialize_FieldOptions_WritesTheFormTheApiDocuments(string serializer)
    {
        var fields = ModelSamples.FromWireFixtures().Single(s => s.Name == "labelled and reference options");

        var json = JsonNode.Parse(ModelSerializers.Serialize(serializer, fields))!.AsArray();

        Assert.Equal("""[{"value":"fb","label":"Facebook"},{"value":"Google","label":"Google"}]""", json[0]!["options"]!.ToJsonString());
        Assert.Equal("""{"target_entity_id":5}""", json[1]!["options"]!.ToJsonString());
        Assert.Equal("[]", json[2]!["options"]!.ToJsonString());
    }

    [Theory]
    [InlineData(ModelSerializers.Web, """{"id":"e","values":{"email":"flat@x.io"}}""", "flat@x.io", EntryValueSource.Flat)]
    [InlineData(ModelSerializers.Web, """{"id":"e","values":[{"key":"email","value":"array@x.io"}]}""", "array@x.io", EntryValueSource.Array)]
    [InlineData(ModelSerializers.Web, """{"id":"e","values_flat":{"email":"flat@x.io"}}""", "flat@x.io", EntryValueSource.Flat)]
    [InlineData(ModelSerializers.Web, """{"id":"e","values_flat":{"email":"flat@x.io"},"values":[{"key":"email","value":"array@x.io"}]}""", "flat@x.io", EntryValueSource.Flat)]
    [InlineData(ModelSerializers.Context, """{"id":"e","values":{"email":"flat@x.io"}}""", "flat@x.io", EntryValueSource.Flat)]
    [InlineData(ModelSerializers.Context, """{"id":"e","values":[{"key":"email","value":"array@x.io"}],"values_flat":[]}""", "array@x.io", EntryValueSource.Array)]
    [InlineData(ModelSerializers.Context, """{"id":"e","values":[{"key":"email","value":"array@x.io"}],"values_flat":{"email":"flat@x.io"}}""", "flat@x.io", EntryValueSource.Flat)]
    public void Deserialize_EntryInEitherWireShapeOrTheSerializedOne_ReadsOneView(string serializer, string json, string email, EntryValueSource source)
    {
        var entry = (Entry)ModelSerializers.Deserialize(serializer, typeof(Entry), json);

        Assert.Equal(email, entry.Values.GetString("email"));
        Assert.Equal(source, entry.Values.Source);
        Assert.Equal($$"""{"email":"{{email}}"}""", JsonNode.Parse(ModelSerializers.Serialize(serializer, ModelSample.Of("entry", entry)))!["values"]!.ToJsonString());
    }

    [Theory]
    [InlineData(ModelSerializers.Web)]
    [InlineData(ModelSerializers.Context)]
    public void Deserialize_WireEntityWithTheCallersOptions_IsAsTolerantAsTheClient(string serializer)
    {
        var wrapped = JsonNode.Parse(CrmStub.Fixture("tolerant/entity-wrapped.json"))!["entity"]!.ToJsonString();
        var expected = ModelSamples.Wire<CrmEntity>("tolerant/entity-wrapped.json");

        var entity = (CrmEntity)ModelSerializers.Deserialize(serializer, typeof(CrmEntity), wrapped);

        Assert.Equal(ModelSerializers.Serialize(ModelSerializers.Web, ModelSample.Of("wire", expected)), ModelSerializers.Serialize(ModelSerializers.Web, ModelSample.Of("read", entity)));
        Assert.Equal((12L, 1, StageStatus.Open), (entity.Pipelines[0].Id, entity.Pipelines[0].Stages[1].Position!.Value, entity.Pipelines[0].Stages[0].Status!.Value));
        Assert.Equal(("Tags", "VIP", 9L), (entity.Fields[1].Name, entity.Fields[1].Options[0].Label, entity.Fields[2].TargetEntityId!.Value));
        Assert.Equal(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero), entity.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(Serializers))]
    public async Task Serialize_FailedBulkItems_WriteTypeMessageAndStatusButNeverTheKey(string serializer)
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var refused = crm.Lead("c-bad");
        refused.StageId = 999;
        var result = await crm.Client.Entries.CreateManyAsync(crm.Leads.Id, [refused, null!], cancellationToken: Ct);

        var text = ModelSerializers.Serialize(serializer, ModelSample.Of("bulk", result));
        var items = JsonNode.Parse(text)!["items"]!.AsArray();

        Assert.DoesNotContain(crm.Emulator.AccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("stack", text, StringComparison.OrdinalIgnoreCase);
        var api = items[0]!["error"]!.AsObject();
        Assert.Equal(["type", "message", "status_code", "error_code", "field_errors"], api.Select(p => p.Key));
        Assert.Equal(("ElasticFunnels.Crm.CrmValidationException", 422), ((string?)api["type"], (int?)api["status_code"]));
        Assert.Equal(result.Items[0].Exception!.Message, (string?)api["message"]);
        Assert.Equal("""{"stage_id":["The selected stage id is invalid."]}""", api["field_errors"]!.ToJsonString());
        var local = items[1]!["error"]!.AsObject();
        Assert.Equal(("System.ArgumentNullException", result.Items[1].Exception!.Message), ((string?)local["type"], (string?)local["message"]));
        Assert.Equal([null, null, null], new[] { local["status_code"], local["error_code"], local["field_errors"] });
    }

    [Fact]
    public void Deserialize_FailedBulkItem_KeepsTheErrorWithoutAnException()
    {
        var failed = ModelSamples.FromFactory().Single(s => s.Name == "bulk result");
        var json = ModelSerializers.Serialize(ModelSerializers.Context, failed);

        var back = (BulkResult<Entry>)ModelSerializers.Deserialize(ModelSerializers.Context, failed.Type, json);

        Assert.Equal((1, 2, 1, true), (back.Succeeded, back.Failed, back.NotAttempted, back.IsCanceled));
        var item = back.Items[1];
        Assert.Null(item.Exception);
        Assert.Equal((BulkItemStatus.Failed, 422, "ElasticFunnels.Crm.CrmValidationException"), (item.Status, item.Error!.StatusCode, item.Error.Type));
        Assert.Equal(["The selected stage id is invalid."], item.Error.FieldErrors!["stage_id"]);
        Assert.Equal("#1 failed: ElasticFunnels.Crm.CrmValidationException: " + item.Error.Message, item.ToString());
        Assert.Equal("#2 failed: ArgumentException: requests[2].Title is required.", ((BulkResult<Entry>)failed.Value).Items[2].ToString());
    }

    private static T Sample<T>(string name) => (T)ModelSamples.FromFactory().Single(s => s.Name == name).Value;

    /// <summary>Every property name in the tree, except the keys of entries' values (which are the user's field keys).</summary>
    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "values" ? [p.Key] : PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray array => array.SelectMany(PropertyNames),
        _ => [],
    };

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
