using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Internal;

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
}
