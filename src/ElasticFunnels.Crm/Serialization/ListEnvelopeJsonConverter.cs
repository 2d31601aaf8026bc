using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ElasticFunnels.Crm.Serialization;

/// <summary>Reads a list either as a bare array or wrapped in one of <see cref="WrapperNames.List"/>.</summary>
internal sealed class ListEnvelopeJsonConverter<T> : JsonConverter<ListEnvelope<T>> where T : class
{
    public override ListEnvelope<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return default;
            case JsonTokenType.StartArray:
                return new ListEnvelope<T>(ReadArray(ref reader, itemInfo));
            case JsonTokenType.StartObject when EnvelopeReader.TryFindWrapped(reader, WrapperNames.List, JsonTokenType.StartArray, out var wrapperName):
                IReadOnlyList<T>? items = null;
                EnvelopeReader.ReadWrapped(ref reader, wrapperName, (ref Utf8JsonReader inner) => items = ReadArray(ref inner, itemInfo));
                return new ListEnvelope<T>(items);
            default:
                throw new JsonException($"Expected a JSON array of {typeof(T).Name} (bare or wrapped in \"data\") but found {reader.TokenType}.");
        }
    }

    private static List<T> ReadArray(ref Utf8JsonReader reader, JsonTypeInfo<T> itemInfo)
    {
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = JsonSerializer.Deserialize(ref reader, itemInfo)
                ?? throw new JsonException($"The list contains null where a {typeof(T).Name} was expected.");
            items.Add(item);
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, ListEnvelope<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value.Items ?? [])
        {
            JsonSerializer.Serialize(writer, item, itemInfo);
        }

        writer.WriteEndArray();
    }
}
