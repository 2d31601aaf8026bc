using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm.Serialization;

/// <summary>
/// Reads a value with the same rules as the typed reads of <see cref="EntryValues"/> (so a mapped
/// property accepts what <c>GetBoolean</c> or <c>GetDate</c> accepts) and writes it in the form the API expects.
/// </summary>
internal sealed class LenientJsonConverter<T>(LenientJsonConverter<T>.Reader read, Action<Utf8JsonWriter, T> write, string expected) : JsonConverter<T>
{
    internal delegate bool Reader(JsonElement element, out T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return read(document.RootElement, out var value)
            ? value
            : throw new JsonException($"Expected {expected} but found {ValueReader.Describe(document.RootElement)}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value);

    // Dictionary keys (e.g. a Dictionary<string, string> inside a json field) come here, not to Read/Write.
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.GetString()!;
        using var document = JsonDocument.Parse($"\"{JsonEncodedText.Encode(name)}\"");
        return read(document.RootElement, out var value)
            ? value
            : throw new JsonException($"Expected {expected} as a property name but found \"{name}\".");
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var inner = new Utf8JsonWriter(buffer))
        {
            write(inner, value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var element = document.RootElement;
        writer.WritePropertyName(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText());
    }
}
