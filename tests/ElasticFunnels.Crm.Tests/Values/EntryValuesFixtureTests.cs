using System.Text.Json;
using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Values;

/// <summary>The fixtures in Fixtures/values, read through the real response path (GET an entry from WireMock).</summary>
public sealed class EntryValuesFixtureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Entry> GetAsync(string json)
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entries/e1", json: json);
        return await stub.Client.Entries.GetAsync("e1", Ct);
    }

    [Fact]
    public async Task Values_BothShapesAgree_ReadsEveryTypeFromFlat()
    {
        var entry = await GetAsync(CrmStub.Fixture("values/both-agree.json"));
        var values = entry.Values;

        Assert.Equal(EntryValueSource.Flat, values.Source);
        Assert.Equal(10, values.Count);
        Assert.Equal("jane@example.com", values.GetString("email"));
        Assert.Equal("Facebook", values.GetString("lead_source"));
        Assert.Equal(1200.50m, values.GetDecimal("deal_value"));
        Assert.Equal("1200.50", values.GetDecimal("deal_value").ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1200.5, values.GetDouble("deal_value"));
        Assert.True(values.GetBoolean("vip"));
        Assert.Equal(new DateOnly(2025, 1, 31), values.GetDate("close_date"));
        Assert.Equal(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero), values.GetDateTime("last_call"));
        Assert.Equal(["vip", "newsletter"], values.GetStrings("tags"));
        Assert.Equal("Zürich", values.GetJson("address").GetProperty("city").GetString());
        Assert.Equal("es-doc-company-1", values.GetEntryId("company_ref"));
        Assert.Equal(["es-doc-c1", "es-doc-c2"], values.GetEntryIds("contacts"));
    }

    [Fact]
    public async Task Values_BothShapesAgree_ArrayShapeAloneReadsTheSame()
    {
        var node = JsonNode.Parse(CrmStub.Fixture("values/both-agree.json"))!.AsObject();
        var flatOnly = node.DeepClone().AsObject();
        flatOnly.Remove("values");
        node.Remove("values_flat");

        var fromArray = (await GetAsync(node.ToJsonString())).Values;
        var fromFlat = (await GetAsync(flatOnly.ToJsonString())).Values;

        Assert.Equal(EntryValueSource.Array, fromArray.Source);
        Assert.Equal(EntryValueSource.Flat, fromFlat.Source);
        Assert.Equal(fromFlat.Keys.Order(StringComparer.Ordinal), fromArray.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in fromFlat)
        {
            Assert.True(JsonElement.DeepEquals(value, fromArray[key]), key);
        }
    }

    [Fact]
    public async Task Values_OnlyValuesArray_BuildsViewLastDuplicateWinsAndSkipsMalformedItems()
    {
        var values = (await GetAsync(CrmStub.Fixture("values/only-values.json"))).Values;

        Assert.Equal(EntryValueSource.Array, values.Source);
        Assert.Equal(["deal_value", "email", "tags"], values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("second@example.com", values.GetString("email"));
        Assert.Equal(99.95m, values.GetDecimal("deal_value"));
        Assert.Empty(values.GetStrings("tags"));
    }

    [Fact]
    public async Task Values_OnlyValuesFlat_BuildsViewFromObject()
    {
        var values = (await GetAsync(CrmStub.Fixture("values/only-values-flat.json"))).Values;

        Assert.Equal(EntryValueSource.Flat, values.Source);
        Assert.Equal(3, values.Count);
        Assert.Equal("flat@example.com", values.GetString("email"));
        Assert.Equal(42L, values.GetInt64("deal_value"));
        Assert.False(values.GetBoolean("vip"));
    }

    [Fact]
    public async Task Values_BothShapesDisagree_FlatWinsAndArrayIsNeverMerged()
    {
        var values = (await GetAsync(CrmStub.Fixture("values/both-disagree.json"))).Values;

        Assert.Equal(EntryValueSource.Flat, values.Source);
        Assert.Equal("fresh@example.com", values.GetString("email"));
        Assert.Equal("Facebook", values.GetString("lead_source"));
        Assert.Equal("kept", values.GetString("only_in_flat"));
        Assert.Equal(EntryValueState.Missing, values.GetState("only_in_array"));
        Assert.False(values.ContainsKey("only_in_array"));
    }

    [Fact]
    public async Task Values_UnknownFieldTypes_RoundTripTypeAndReadAsJson()
    {
        var fixture = JsonNode.Parse(CrmStub.Fixture("values/unknown-types.json"))!;
        using var stub = new CrmStub()
            .Respond("GET", "/api/brands/42/crm/entities/3/fields", json: fixture["fields"]!.ToJsonString())
            .Respond("GET", "/api/brands/42/crm/entries/e1", json: fixture["entry"]!.ToJsonString());

        var fields = await stub.Client.Fields.ListAsync(3, Ct);
        var values = (await stub.Client.Entries.GetAsync("e1", Ct)).Values;

        var rating = fields.Single(f => f.Key == "rating");
        Assert.Equal("star_rating", rating.Type.Value);
        Assert.Equal(FieldValueShape.Unknown, rating.Type.Shape);
        Assert.False(rating.Type.IsKnown);
        Assert.Equal("\"star_rating\"", JsonSerializer.Serialize(rating.Type, ElasticFunnels.Crm.Serialization.CrmJsonContext.Default.FieldType));
        Assert.Equal(FieldValueShape.Unknown, fields.Single(f => f.Key == "location").Type.Shape);
        Assert.Equal(FieldType.MultiSelect, fields.Single(f => f.Key == "tags").Type);
        Assert.Equal("multiselect", fields.Single(f => f.Key == "tags").Type.Value);
        Assert.Equal(FieldType.Phone, fields.Single(f => f.Key == "mobile").Type);

        Assert.Equal(4.5m, values.GetDecimal("rating"));
        Assert.Equal(47.3769, values.GetJson("location").GetProperty("lat").GetDouble());
        Assert.Equal(["vip"], values.GetStrings("tags"));
        Assert.Equal("+41 44 668 18 00", values.GetString("mobile"));
    }

    [Fact]
    public async Task Values_NullValues_AreNullNotMissingAndGetThrowsNullReason()
    {
        var values = (await GetAsync(CrmStub.Fixture("values/null-values.json"))).Values;

        Assert.Equal(EntryValueState.Null, values.GetState("phone"));
        Assert.Equal(EntryValueState.Null, values.GetState("company"));
        Assert.Equal(EntryValueState.Null, values.GetState("tags"));
        Assert.Equal(EntryValueState.Present, values.GetState("email"));
        Assert.Equal(EntryValueState.Missing, values.GetState("no_value"));
        Assert.False(values.TryGetString("phone", out _));
        Assert.False(values.TryGetStrings("tags", out _));
        Assert.False(values.TryGetJson("company", out _));
        var ex = Assert.Throws<CrmValueException>(() => values.GetString("phone"));
        Assert.Equal(CrmValueErrorReason.Null, ex.Reason);
        Assert.Equal(JsonValueKind.Null, ex.ActualKind);
    }

    [Fact]
    public async Task Values_NullValuesInArrayShape_ItemWithoutValueIsNull()
    {
        var node = JsonNode.Parse(CrmStub.Fixture("values/null-values.json"))!.AsObject();
        node.Remove("values_flat");

        var values = (await GetAsync(node.ToJsonString())).Values;

        Assert.Equal(EntryValueSource.Array, values.Source);
        Assert.Equal(EntryValueState.Null, values.GetState("phone"));
        Assert.Equal(EntryValueState.Null, values.GetState("no_value"));
        Assert.Equal(CrmValueErrorReason.Null, Assert.Throws<CrmValueException>(() => values.GetDecimal("no_value")).Reason);
        Assert.Equal("nulls@example.com", values.GetString("email"));
    }

    [Fact]
    public async Task Values_NumbersSentAsStrings_ReadAsNumbersBooleansAndDates()
    {
        var values = (await GetAsync(CrmStub.Fixture("values/numbers-as-strings.json"))).Values;

        Assert.Equal(1200.50m, values.GetDecimal("deal_value"));
        Assert.Equal(1200.5, values.GetDouble("deal_value"));
        Assert.Equal(decimal.MaxValue, values.GetDecimal("big"));
        Assert.Equal(-0.0001m, values.GetDecimal("negative"));
        Assert.Equal(1500m, values.GetDecimal("exponent"));
        Assert.Equal(12L, values.GetInt64("seats"));
        Assert.Equal(1200L, values.GetInt64("whole_double"));
        Assert.True(values.GetBoolean("vip"));
        Assert.False(values.GetBoolean("opted_out"));
        Assert.False(values.GetBoolean("checked"));
        var expected = new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, values.GetDateTime("unix_seconds"));
        Assert.Equal(expected, values.GetDateTime("unix_seconds_text"));
        Assert.Equal("8001", values.GetString("zip_as_number"));
        Assert.Equal("12345", values.GetEntryId("company_ref"));
        Assert.Equal(["101", "es-doc-c2"], values.GetEntryIds("contacts"));

        // A decimal comma is not an invariant number: a wrong type, not a silent misread.
        var ex = Assert.Throws<CrmValueException>(() => values.GetDecimal("not_a_number"));
        Assert.Equal(CrmValueErrorReason.WrongType, ex.Reason);
        Assert.False(values.TryGetDouble("not_a_number", out _));
    }
}
