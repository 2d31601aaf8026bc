using System.Text.Json;

namespace ElasticFunnels.Crm.Tests.Values;

/// <summary>EntryValues as JSON: both wire shapes read, always written as one flat object; what a bad shape or key says.</summary>
public sealed class EntryValuesJsonShapeTests
{
    private static EntryValues Read(string json) =>
        JsonSerializer.Deserialize(json, CrmModelJsonContext.Default.EntryValues)!;

    private static string Write(EntryValues? values) =>
        JsonSerializer.Serialize(values, CrmModelJsonContext.Default.EntryValues);

    [Fact]
    public void FlatShape_ReadsAndWritesBackTheSameObject()
    {
        var values = Read("""{"email": "a@b.c", "seats": 3, "vip": null}""");

        Assert.Equal(EntryValueSource.Flat, values.Source);
        Assert.Equal("""{"email":"a@b.c","seats":3,"vip":null}""", Write(values));
    }

    [Fact]
    public void ArrayShape_ReadsAndWritesAsAFlatObject()
    {
        var values = Read("""[{"key": "email", "value": "a@b.c"}, {"key": "seats", "value": 3}]""");

        Assert.Equal(EntryValueSource.Array, values.Source);
        Assert.Equal("""{"email":"a@b.c","seats":3}""", Write(values));
    }

    [Fact]
    public void ArrayItemWithoutAValue_IsWrittenAsNull()
    {
        var values = Read("""[{"key": "email"}, {"key": "seats", "value": 3}]""");

        Assert.Equal(2, values.Count);
        Assert.Equal("""{"email":null,"seats":3}""", Write(values));
    }

    [Fact]
    public void ArrayItemWithoutAValue_GetThrowsNullReasonWithNullKindAndSnippet()
    {
        var values = Read("""[{"key": "email"}]""");

        var ex = Assert.Throws<CrmValueException>(() => values.GetString("email"));

        Assert.Equal(CrmValueErrorReason.Null, ex.Reason);
        Assert.Equal(JsonValueKind.Null, ex.ActualKind);
        Assert.Equal("null", ex.ActualSnippet);
        Assert.Equal("The entry value 'email' is null (expected string).", ex.Message);
    }

    [Fact]
    public void JsonNullValue_GetThrowsWithSnippetNull()
    {
        var ex = Assert.Throws<CrmValueException>(() => Read("""{"email": null}""").GetDecimal("email"));

        Assert.Equal("null", ex.ActualSnippet);
    }

    [Fact]
    public void JsonNull_ReadsAsTheEmptyView()
    {
        Assert.Same(EntryValues.Empty, Read("null"));
    }

    [Fact]
    public void NullView_IsWrittenAsAnEmptyObject()
    {
        Assert.Equal("{}", Write(null));
    }

    [Theory]
    [InlineData("\"a\"", "String")]
    [InlineData("12", "Number")]
    [InlineData("true", "True")]
    public void NeitherObjectNorArray_ThrowsJsonExceptionNamingBothShapesAndTheKind(string json, string kind)
    {
        var ex = Assert.Throws<JsonException>(() => Read(json));

        Assert.Equal($"Entry values must be a JSON object of field key to value, or an array of {{key, value}}, not {kind}.", ex.Message);
    }

    [Fact]
    public void EntryReadWithValuesFlat_WritesThatObjectBackAsReceived()
    {
        // The view keeps the last of a duplicated key; the entry still writes the object the server sent.
        var entry = JsonSerializer.Deserialize("""{"id": "e1", "values_flat": {"a": 1, "a": 2}}""", CrmModelJsonContext.Default.Entry)!;

        Assert.Equal(2, entry.Values.GetInt64("a"));
        Assert.Contains("\"values\":{\"a\":1,\"a\":2}", JsonSerializer.Serialize(entry, CrmModelJsonContext.Default.Entry), StringComparison.Ordinal);
    }

    [Fact]
    public void Converter_NullWriter_ThrowsArgumentNull()
    {
        var converter = new EntryValues.EntryValuesJsonConverter();

        Assert.Throws<ArgumentNullException>(() => converter.Write(null!, EntryValues.Empty, JsonSerializerOptions.Default));
    }

    [Theory]
    [InlineData("\"a\"", "String")]
    [InlineData("[]", "Array")]
    [InlineData("null", "Null")]
    public void FromJson_NotAnObject_ArgumentExceptionNamesTheKind(string json, string kind)
    {
        using var document = JsonDocument.Parse(json);

        var ex = Assert.Throws<ArgumentException>(() => EntryValues.FromJson(document.RootElement));

        Assert.Equal("flat", ex.ParamName);
        Assert.StartsWith($"Entry values must be a JSON object, not {kind}.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_MissingKey_KeyNotFoundNamesTheKey()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Read("""{"email": "a"}""")["deal_value"]);

        Assert.Equal("The entry has no value for the field key 'deal_value'.", ex.Message);
    }

    [Fact]
    public void ToString_SaysHowManyValuesAndFromWhichShape()
    {
        Assert.Equal("EntryValues (2 from Flat)", Read("""{"a": 1, "b": 2}""").ToString());
        Assert.Equal("EntryValues (1 from Array)", Read("""[{"key": "a", "value": 1}]""").ToString());
        Assert.Equal("EntryValues (0 from None)", EntryValues.Empty.ToString());
    }
}
