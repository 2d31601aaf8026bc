using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

// As JSON, the view is one flat object of field key to value (the values_flat shape), whatever shape it
// was built from; reading also accepts the values array of {key, value}.
[JsonConverter(typeof(EntryValuesJsonConverter))]
public sealed partial class EntryValues
{
    /// <summary>Reads either wire shape: an object (as <c>values_flat</c>) or an array of <c>{key, value}</c> (as <c>values</c>).</summary>
    internal static EntryValues Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => FromWire(element, default),
        JsonValueKind.Array => FromWire(default, element),
        JsonValueKind.Null => Empty,
        _ => throw new JsonException($"Entry values must be a JSON object of field key to value, or an array of {{key, value}}, not {element.ValueKind}."),
    };

    /// <summary>The view as one flat JSON object.</summary>
    internal JsonElement ToFlatJson() =>
        _flat.ValueKind == JsonValueKind.Object ? _flat : JsonElementWriter.Write(this, static (writer, view) => view.Write(writer));

    /// <summary>Writes the view as one flat object, in the order the keys were read.</summary>
    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in _values)
        {
            writer.WritePropertyName(key);
            if (value.ValueKind == JsonValueKind.Undefined)
            {
                // An array item without a "value" reads as no value at all: JSON null is the nearest.
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    internal sealed class EntryValuesJsonConverter : JsonConverter<EntryValues>
    {
        public override bool HandleNull => true;

        public override EntryValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EntryValues.Read(JsonElement.ParseValue(ref reader));

        public override void Write(Utf8JsonWriter writer, EntryValues value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            (value ?? Empty).Write(writer);
        }
    }
}
