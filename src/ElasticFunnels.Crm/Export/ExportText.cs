using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>How entry data reads as text in an export. Never depends on the current culture.</summary>
internal static class ExportText
{
    /// <summary>Put between the items of a list value (a multi-select, say) in a CSV cell.</summary>
    public const string ListSeparator = "; ";

    public static string? Of(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Of(DateTimeOffset? value) => value is { } instant ? TimestampJsonConverter.Format(instant) : null;

    /// <summary>
    /// A field value as a CSV cell: text as it is, numbers as the API wrote them, <c>true</c>/<c>false</c>,
    /// null as an empty cell, a list of plain values joined with "; ", and anything else (objects, lists
    /// of objects) as compact JSON.
    /// </summary>
    public static string? Of(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Array when value.EnumerateArray().All(IsPlain):
                return string.Join(ListSeparator, value.EnumerateArray().Select(Of));
            default:
                return CompactJson(value);
        }
    }

    public static string CompactJson(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool IsPlain(JsonElement item) =>
        item.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null;
}
