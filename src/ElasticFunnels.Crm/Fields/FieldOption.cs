using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>One allowed value of a select or multi-select field.</summary>
/// <param name="Value">The value stored in entries.</param>
/// <param name="Label">The label shown to people; the value when the API sends none.</param>
public sealed record FieldOption(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("label")] string Label)
{
    internal static IReadOnlyList<FieldOption> ReadAll(JsonElement options)
    {
        if (options.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<FieldOption>(options.GetArrayLength());
        foreach (var item in options.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    var text = item.GetString()!;
                    list.Add(new FieldOption(text, text));
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    var raw = item.GetRawText();
                    list.Add(new FieldOption(raw, raw));
                    break;
                case JsonValueKind.Object:
                    var value = ReadText(item, "value") ?? ReadText(item, "key") ?? ReadText(item, "label");
                    if (value is not null)
                    {
                        list.Add(new FieldOption(value, ReadText(item, "label") ?? ReadText(item, "name") ?? value));
                    }

                    break;
            }
        }

        return list;
    }

    /// <summary>
    /// Writes a field's <c>options</c> as the API documents them: <c>{"target_entity_id": n}</c> for a reference
    /// field, otherwise an array of strings, or of <c>{value, label}</c> objects when a label differs from its value.
    /// </summary>
    internal static JsonElement WriteAll(IReadOnlyList<FieldOption> options, long? targetEntityId) =>
        JsonElementWriter.Write((options, targetEntityId), static (writer, state) =>
        {
            if (state.targetEntityId is { } target)
            {
                writer.WriteStartObject();
                writer.WriteNumber("target_entity_id", target);
                writer.WriteEndObject();
                return;
            }

            var labelled = state.options.Any(o => !string.Equals(o.Value, o.Label, StringComparison.Ordinal));
            writer.WriteStartArray();
            foreach (var option in state.options)
            {
                if (labelled)
                {
                    writer.WriteStartObject();
                    writer.WriteString("value", option.Value);
                    writer.WriteString("label", option.Label);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteStringValue(option.Value);
                }
            }

            writer.WriteEndArray();
        });

    internal static long? ReadTargetEntityId(JsonElement options)
    {
        if (options.ValueKind != JsonValueKind.Object || !options.TryGetProperty("target_entity_id", out var id))
        {
            return null;
        }

        return id.ValueKind switch
        {
            JsonValueKind.Number when id.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(id.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    private static string? ReadText(JsonElement item, string name) =>
        item.TryGetProperty(name, out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.GetRawText(),
            _ => null,
        } : null;
}
