using ElasticFunnels.Crm.Cli.Values;

namespace ElasticFunnels.Crm.Cli.Tests;

public sealed class CellValueTests
{
    private static CustomField Field(string type) => CrmModelFactory.CustomField(1, "k", new FieldType(type));

    [Theory]
    [InlineData("number", "1200.50", "1200.50")]
    [InlineData("number", " -5 ", "-5")]
    [InlineData("number", "+7", "7")]
    [InlineData("number", "1e-7", "1e-7")]
    [InlineData("currency", "0.10", "0.10")]
    [InlineData("integer", "-42", "-42")]
    [InlineData("boolean", "TRUE", "true")]
    [InlineData("boolean", "0", "false")]
    [InlineData("boolean", "no", "false")]
    [InlineData("date", "2024-02-29", "\"2024-02-29\"")]
    [InlineData("datetime", "2024-12-11T12:00:00+02:00", "\"2024-12-11T12:00:00+02:00\"")]
    [InlineData("datetime", "2024-12-11 10:00:00", "\"2024-12-11 10:00:00\"")]
    [InlineData("time", "09:30", "\"09:30\"")]
    [InlineData("text", "  keep spaces ", "\"  keep spaces \"")]
    [InlineData("multi_select", "a\\;b; c", "[\"a;b\",\"c\"]")]
    [InlineData("multi_reference", "e1;e2", "[\"e1\",\"e2\"]")]
    [InlineData("json", "{\"a\": [1, null]}", "{\"a\":[1,null]}")]
    [InlineData("json", "\"text\"", "\"text\"")]
    [InlineData("rating", "5", "5")]
    public void TryParse_ValidText_ExactJsonValue(string type, string text, string json)
    {
        Assert.True(CellValue.TryParse(Field(type), text, out var value, out var error), error);
        Assert.Equal(json, Relaxed(value));
    }

    /// <summary>The value's JSON as sent, with non-ASCII and '+' unescaped so the expectation reads plainly.</summary>
    private static string Relaxed(FieldValue value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("number", "1,200.50", "a number such as 1200.50")]
    [InlineData("number", "007", "a number")]
    [InlineData("number", "NaN", "a number")]
    [InlineData("integer", "1.5", "a whole number")]
    [InlineData("boolean", "maybe", "true or false")]
    [InlineData("date", "11/12/2024", "yyyy-MM-dd")]
    [InlineData("date", "2024-02-30", "yyyy-MM-dd")]
    [InlineData("datetime", "1733911200", "ISO 8601")]
    [InlineData("time", "9.30", "HH:mm")]
    [InlineData("json", "{oops", "JSON")]
    public void TryParse_WrongText_SaysWhatWasExpected(string type, string text, string expected)
    {
        Assert.False(CellValue.TryParse(Field(type), text, out _, out var error));
        Assert.Contains($"'k' is a {type} field: expected", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
