using System.Text.Json;
using ElasticFunnels.Crm.Serialization;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Schemas;

/// <summary>The write rules of <see cref="EntitySchema"/>, without HTTP.</summary>
public sealed class EntitySchemaTests
{
    private static readonly EntitySchema Schema = new(
        1,
        JsonSerializer.Deserialize(CrmStub.Fixture("values/fields.json"), CrmJsonContext.Default.ListEnvelopeCustomField)!.Items!,
        DateTimeOffset.UnixEpoch);

    private static IReadOnlyList<EntryValueProblem> Update(string key, FieldValue value) =>
        Schema.ValidateUpdate(new FieldValues().Set(key, value));

    public static TheoryData<string, FieldValue> Accepted() => new()
    {
        { "email", "a@b.c" },
        { "deal_value", 1200.50m },
        { "deal_value", -1 },
        { "deal_value", 0.25 },
        { "deal_value", "1200.50" },
        { "seats", 3 },
        { "seats", "3" },
        { "seats", 3.0m },
        { "vip", false },
        { "vip", 1 },
        { "vip", "0" },
        { "close_date", new DateOnly(2025, 1, 1) },
        { "last_call", DateTimeOffset.UnixEpoch },
        { "last_call", "2026-04-18T13:45:21+00:00" },
        { "last_call", "2025-01-01" },
        { "tags", new[] { "vip", "newsletter" } },
        { "tags", Array.Empty<string>() },
        { "address", FieldValue.FromJson(JsonDocument.Parse("[1, {\"a\": null}]").RootElement) },
        { "company_ref", "es-doc-1" },
        { "company_ref", 12345 },
        { "contacts", new[] { "a", "b" } },
        { "rating", FieldValue.FromJson(JsonDocument.Parse("{\"stars\": 4}").RootElement) },
        { "rating", true },
        { "plan", "basic" },
        { "phone", FieldValue.Null },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void ValidateUpdate_ValueOfFieldType_NoProblem(string key, FieldValue value)
    {
        Assert.Empty(Update(key, value));
    }

    public static TheoryData<string, FieldValue, EntryValueProblemKind> Rejected() => new()
    {
        { "email", 5, EntryValueProblemKind.WrongType },
        { "deal_value", true, EntryValueProblemKind.WrongType },
        { "deal_value", "12,5", EntryValueProblemKind.WrongType },
        { "seats", 2.5, EntryValueProblemKind.WrongType },
        { "vip", "true", EntryValueProblemKind.WrongType },
        { "vip", 2, EntryValueProblemKind.WrongType },
        { "close_date", "31.01.2025", EntryValueProblemKind.WrongType },
        { "last_call", "1733911200", EntryValueProblemKind.WrongType },
        { "last_call", "tomorrow", EntryValueProblemKind.WrongType },
        { "tags", "vip", EntryValueProblemKind.WrongType },
        { "tags", new[] { "VIP" }, EntryValueProblemKind.NotAnOption },
        { "lead_source", "facebook", EntryValueProblemKind.NotAnOption },
        { "lead_source", new[] { "Facebook" }, EntryValueProblemKind.WrongType },
        { "company_ref", new[] { "a" }, EntryValueProblemKind.WrongType },
        { "contacts", new[] { "a", " " }, EntryValueProblemKind.WrongType },
        { "plan", "enterprise", EntryValueProblemKind.NotAnOption },
        { "plan", "", EntryValueProblemKind.RequiredMissing },
        { "Email", "a@b.c", EntryValueProblemKind.UnknownField },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void ValidateUpdate_ValueNotOfFieldType_OneProblem(string key, FieldValue value, EntryValueProblemKind kind)
    {
        var problem = Assert.Single(Update(key, value));

        Assert.Equal(key, problem.Key);
        Assert.Equal(kind, problem.Kind);
        Assert.Contains($"'{key}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateCreate_NoValues_ListsEveryRequiredField()
    {
        Assert.Equal(["email", "plan"], Schema.ValidateCreate(null).Select(p => p.Key));
        Assert.Empty(Schema.ValidateUpdate(null));
    }

    [Fact]
    public void Schema_OptionsAsObjectsAndTargets_AreRead()
    {
        Assert.True(Schema.TryGetField("tags", out var tags));
        Assert.Equal(["vip", "newsletter"], tags.Options.Select(o => o.Value));
        Assert.True(Schema.TryGetField("company_ref", out var company));
        Assert.Equal(5, company.TargetEntityId);
        Assert.False(Schema.TryGetField("nope", out _));
        Assert.False(Schema.TryGetField(null!, out _));
    }

    [Fact]
    public void ValidateCreate_SelectWithoutOptions_AcceptsAnyString()
    {
        var schema = new EntitySchema(2, [CrmModelFactory.CustomField(1, "stage_name", FieldType.Select)], DateTimeOffset.UnixEpoch);

        Assert.Empty(schema.ValidateCreate(new FieldValues().Set("stage_name", "anything")));
    }

    [Fact]
    public void ValidateCreate_EntityWithoutFields_MessageSaysSo()
    {
        var schema = new EntitySchema(2, [], DateTimeOffset.UnixEpoch);

        var problem = Assert.Single(schema.ValidateCreate(new FieldValues().Set("x", 1)));
        Assert.Equal("'x' is not a field of entity 2 (it has no custom fields).", problem.Message);
    }
}
