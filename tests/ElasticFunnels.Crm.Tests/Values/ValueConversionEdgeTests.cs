using System.Text.Json;

namespace ElasticFunnels.Crm.Tests.Values;

/// <summary>Edges of the value rules: whole numbers at the Int64 limits, the 32-character snippet, field values read back as JSON.</summary>
public sealed class ValueConversionEdgeTests
{
    private static EntryValues View(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EntryValues.FromJson(document.RootElement);
    }

    [Theory]
    [InlineData("-9223372036854775808.0", long.MinValue)]
    [InlineData("9223372036854775807.0", long.MaxValue)]
    [InlineData("\"-9223372036854775808.0\"", long.MinValue)]
    [InlineData("\"9223372036854775807.0\"", long.MaxValue)]
    public void GetInt64_WholeDoubleAtTheLimits_Reads(string json, long expected)
    {
        Assert.Equal(expected, View($$"""{"n": {{json}}}""").GetInt64("n"));
    }

    [Theory]
    [InlineData("-9223372036854775809.0")]
    [InlineData("9223372036854775808.0")]
    public void GetInt64_WholeDoubleOneBeyondTheLimits_WrongType(string json)
    {
        var ex = Assert.Throws<CrmValueException>(() => View($$"""{"n": {{json}}}""").GetInt64("n"));

        Assert.Equal(CrmValueErrorReason.WrongType, ex.Reason);
        Assert.Equal(json, ex.ActualSnippet);
    }

    [Fact]
    public void WrongType_ValueOfExactly32Characters_SnippetIsWhole()
    {
        var text = "\"" + new string('x', 30) + "\"";

        var ex = Assert.Throws<CrmValueException>(() => View($$"""{"n": {{text}}}""").GetDecimal("n"));

        Assert.Equal(text, ex.ActualSnippet);
        Assert.Equal($"The entry value 'n' cannot be read as decimal: it is a string {text}.", ex.Message);
    }

    [Fact]
    public void WrongType_ValueOf33Characters_SnippetIsCutAt32()
    {
        var text = "\"" + new string('x', 31) + "\"";

        var ex = Assert.Throws<CrmValueException>(() => View($$"""{"n": {{text}}}""").GetDecimal("n"));

        Assert.Equal(text[..32] + "…", ex.ActualSnippet);
    }

    [Theory]
    [InlineData("12", "a number 12")]
    [InlineData("true", "a boolean true")]
    public void WrongType_MessageNamesTheKind(string json, string found)
    {
        var ex = Assert.Throws<CrmValueException>(() => View($$"""{"n": {{json}}}""").GetStrings("n"));

        Assert.Equal($"The entry value 'n' cannot be read as list of strings: it is {found}.", ex.Message);
    }

    [Theory]
    [InlineData(JsonValueKind.String, "string")]
    [InlineData(JsonValueKind.Number, "number")]
    [InlineData(JsonValueKind.True, "boolean")]
    [InlineData(JsonValueKind.False, "boolean")]
    [InlineData(JsonValueKind.Array, "array")]
    [InlineData(JsonValueKind.Object, "object")]
    [InlineData(JsonValueKind.Null, "null")]
    [InlineData(JsonValueKind.Undefined, "missing")]
    public void KindName_EveryKind_HasItsWord(JsonValueKind kind, string name)
    {
        Assert.Equal(name, ValueReader.KindName(kind));
    }

    [Fact]
    public void Describe_NoValueAtAll_SaysSoWithoutASnippet()
    {
        Assert.Equal("no value", ValueReader.Describe(default));
        Assert.Null(ValueReader.Snippet(default));
    }

    [Theory]
    [InlineData("\"jane\"", "\"jane\"")]
    [InlineData("12.50", "12.50")]
    [InlineData("[\"a\",\"b\"]", "[\"a\",\"b\"]")]
    [InlineData("{\"x\":1}", "{\"x\":1}")]
    public void FieldValue_Deserialized_WritesTheSameJson(string json, string expected)
    {
        var value = JsonSerializer.Deserialize<FieldValue>(json);

        Assert.False(value.IsNull);
        Assert.Equal(expected, value.ToJsonString());
    }

    [Fact]
    public void FieldValues_Deserialized_KeepsEachValue()
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, FieldValue>>("""{"a": "x", "b": null}""")!;

        Assert.Equal(FieldValue.FromString("x"), values["a"]);
        Assert.True(values["b"].IsNull);
    }

    [Fact]
    public void FromStrings_NullAsTheFirstItem_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => FieldValue.FromStrings([null!, "vip"]));

        Assert.Equal("values", ex.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void CrmField_BlankKey_ThrowsSayingTheKeyMustNotBeBlank(string? key)
    {
        var ex = Assert.Throws<ArgumentException>(() => new CrmFieldAttribute(key!));

        Assert.Equal("key", ex.ParamName);
        Assert.StartsWith("A CrmField key must not be null, empty or whitespace.", ex.Message, StringComparison.Ordinal);
    }
}
