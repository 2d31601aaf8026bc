using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ElasticFunnels.Crm.Serialization;

/// <summary>Reads a single object either bare or wrapped in one of <see cref="WrapperNames.Single"/>.</summary>
internal sealed class EnvelopeJsonConverter<T> : JsonConverter<Envelope<T>> where T : class
{
    public override Envelope<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeof(T).Name} but found {reader.TokenType}.");
        }

        if (EnvelopeReader.TryFindWrapped(reader, WrapperNames.Single, JsonTokenType.StartObject, out var wrapperName, out var wrapsNull))
        {
            T? value = null;
            EnvelopeReader.ReadWrapped(ref reader, wrapperName, (ref Utf8JsonReader inner) => value = JsonSerializer.Deserialize(ref inner, typeInfo));
            return new Envelope<T>(value);
        }

        if (wrapsNull)
        {
            // {"data": null} and no id of its own: a wrapper around nothing, not a resource.
            reader.Skip();
            return default;
        }

        return new Envelope<T>(JsonSerializer.Deserialize(ref reader, typeInfo));
    }

    public override void Write(Utf8JsonWriter writer, Envelope<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonSerializer.Serialize(writer, value.Value!, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }
}
