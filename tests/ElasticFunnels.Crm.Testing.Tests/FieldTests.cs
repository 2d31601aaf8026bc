using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class FieldTests
{
    [Fact]
    public async Task CreateField_DocumentedExample_Returns201WithDocumentedShape()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero));
        await using var api = new Api(new CrmEmulatorOptions { TimeProvider = time });
        await api.CreateEntity("leads");

        var result = await api.Post("entities/1/fields", DocumentedExamples.FieldCreateRequest);

        Assert.Equal(HttpStatusCode.Created, result.Status);
        Shape.AssertMatches(DocumentedExamples.FieldCreateResponse, result.Json);
        Assert.Equal(["Facebook", "Google", "Organic", "Referral"], result.Body["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.False(result.Body["required"]!.GetValue<bool>());
        Assert.Equal(2, result.Body["position"]!.GetValue<long>());
        Assert.Equal("2024-12-11T10:00:00.000000Z", result.Body["created_at"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("textarea")]
    [InlineData("number")]
    [InlineData("date")]
    [InlineData("datetime")]
    [InlineData("boolean")]
    [InlineData("url")]
    [InlineData("email")]
    [InlineData("phone")]
    [InlineData("tel")]
    [InlineData("json")]
    [InlineData("rich_text")]
    [InlineData("currency")]
    [InlineData("reference")]
    public async Task CreateField_DocumentedType_IsAccepted(string type)
    {
        await using var api = Api.Seeded();

        var result = await api.Post("entities/1/fields", $$"""{"name":"X","key":"x","type":"{{type}}"}""");

        Assert.Equal(HttpStatusCode.Created, result.Status);
        Assert.Equal(type, result.Body["type"]!.GetValue<string>());
        Assert.Null(result.Body["options"]);
    }

    [Theory]
    [InlineData("""{"key":"x","type":"text"}""", "name", "The name field is required.")]
    [InlineData("""{"name":"X","type":"text"}""", "key", "The key field is required.")]
    [InlineData("""{"name":"X","key":"x"}""", "type", "The type field is required.")]
    [InlineData("""{"name":"X","key":"Bad-Key","type":"text"}""", "key", "The key field format is invalid.")]
    [InlineData("""{"name":"X","key":"x","type":"hologram"}""", "type", "The selected type is invalid.")]
    [InlineData("""{"name":"X","key":"x","type":"select"}""", "options", "The options field is required when type is select.")]
    [InlineData("""{"name":"X","key":"x","type":"multi_select","options":[]}""", "options", "The options field is required when type is multi_select.")]
    [InlineData("""{"name":"X","key":"x","type":"select","options":"a,b"}""", "options", "The options field must be an array.")]
    [InlineData("""{"name":"X","key":"x","type":"select","options":["a",3]}""", "options.1", "The options.1 field must be a string.")]
    [InlineData("""{"name":"X","key":"x","type":"text","required":"yes"}""", "required", "The required field must be true or false.")]
    public async Task CreateField_InvalidBody_Returns422(string body, string attribute, string message)
    {
        await using var api = Api.Seeded();

        var result = await api.Post("entities/1/fields", body);

        Assert.Contains(message, result.ErrorsFor(attribute));
    }

    [Fact]
    public async Task CreateField_DuplicateKeyInSameEntity_Returns422ButOtherEntityIsFine()
    {
        await using var api = Api.Seeded();
        var other = await api.CreateEntity("deals");

        var duplicate = await api.Post("entities/1/fields", """{"name":"E","key":"email","type":"email"}""");
        var elsewhere = await api.Post($"entities/{other}/fields", """{"name":"E","key":"email","type":"email"}""");

        Assert.Contains("The key has already been taken.", duplicate.ErrorsFor("key"));
        Assert.Equal(HttpStatusCode.Created, elsewhere.Status);
    }

    [Fact]
    public async Task CreateField_LabelInsteadOfName_IsAccepted()
    {
        await using var api = Api.Seeded();

        var result = await api.Post("entities/1/fields", """{"label":"Budget","key":"budget","type":"number","required":true}""");

        Assert.Equal(HttpStatusCode.Created, result.Status);
        Assert.Equal("Budget", result.Body["name"]!.GetValue<string>());
        Assert.True(result.Body["required"]!.GetValue<bool>());
        Assert.Equal(5, result.Body["position"]!.GetValue<long>());
    }

    [Fact]
    public async Task ListFields_ByEntity_OrderedByPosition()
    {
        await using var api = Api.Seeded();
        await api.Post("entities/1/fields", """{"name":"First","key":"first","type":"text","position":0}""");

        var result = await api.Get("entities/1/fields");

        var keys = result.Body.AsArray().Select(f => f!["key"]!.GetValue<string>()).ToList();
        Assert.Equal(6, keys.Count);
        Assert.Equal("email", keys[0]);
        Assert.Equal("first", keys[1]);
    }

    [Fact]
    public async Task GetField_Existing_ReturnsField()
    {
        await using var api = Api.Seeded();

        var result = await api.Get("fields/3");

        Assert.Equal("lead_source", result.Body["key"]!.GetValue<string>());
        Assert.Equal(1, result.Body["crm_entity_id"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get("fields/42")).Status);
    }

    [Fact]
    public async Task UpdateField_ChangeToSelectWithoutOptions_Returns422()
    {
        await using var api = Api.Seeded();

        var result = await api.Put("fields/4", """{"type":"select"}""");

        Assert.NotEmpty(result.ErrorsFor("options"));
    }

    [Fact]
    public async Task UpdateField_OptionsAndRequired_ChangesThem()
    {
        await using var api = Api.Seeded();

        var result = await api.Put("fields/3", """{"options":["Facebook","TikTok"],"required":true}""");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(["Facebook", "TikTok"], result.Body["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.True(result.Body["required"]!.GetValue<bool>());
        Assert.Equal("lead_source", result.Body["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteField_Existing_Returns204AndRemovesIt()
    {
        await using var api = Api.Seeded();

        var result = await api.Delete("fields/5");

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        Assert.Equal(4, (await api.Get("entities/1/fields")).Body.AsArray().Count);
    }
}
