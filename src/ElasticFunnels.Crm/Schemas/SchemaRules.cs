using System.Globalization;
using System.Text.Json;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// The checks of written values against an entity's fields. They follow what the API accepts, which is
/// stricter than what the SDK reads: a text field takes a string (not a number), a date field takes
/// <c>yyyy-MM-dd</c> (not a timestamp), a boolean field takes <c>true</c>/<c>false</c>/<c>1</c>/<c>0</c>.
/// Types the SDK does not know accept any value, so a new vendor type never blocks a request.
/// </summary>
internal static class SchemaRules
{
    public static IReadOnlyList<EntryValueProblem> Validate(EntitySchema schema, IEnumerable<KeyValuePair<string, FieldValue>>? values, bool creating)
    {
        var problems = new List<EntryValueProblem>();
        var filled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in values ?? [])
        {
            if (!schema.TryGetField(key, out var field))
            {
                var known = schema.Fields.Count == 0 ? "it has no custom fields" : "its fields are " + string.Join(", ", schema.Fields.Select(f => f.Key));
                problems.Add(new(key, EntryValueProblemKind.UnknownField, $"'{key}' is not a field of entity {schema.EntityId} ({known})."));
                continue;
            }

            var json = value.ToJsonElement();
            if (IsBlank(json))
            {
                if (field.Required)
                {
                    problems.Add(new(key, EntryValueProblemKind.RequiredMissing, $"'{key}' is required and cannot be cleared (was {ValueReader.Describe(json)})."));
                }

                continue;
            }

            filled.Add(key);
            if (TypeProblem(field, json) is { } expected)
            {
                problems.Add(new(key, EntryValueProblemKind.WrongType, $"'{key}' is a {field.Type} field: expected {expected}, not {ValueReader.Describe(json)}."));
                continue;
            }

            foreach (var chosen in NotOptions(field, json))
            {
                var options = string.Join(", ", field.Options.Select(o => o.Value));
                problems.Add(new(key, EntryValueProblemKind.NotAnOption, $"'{key}' must be one of {options} (was \"{chosen}\")."));
            }
        }

        if (creating)
        {
            foreach (var field in schema.Fields)
            {
                if (field.Required && !filled.Contains(field.Key) && !problems.Any(p => p.Key == field.Key))
                {
                    problems.Add(new(field.Key, EntryValueProblemKind.RequiredMissing, $"'{field.Key}' ({field.Name}) is required when an entry is created."));
                }
            }
        }

        return problems;
    }

    /// <summary>Null, or what Laravel turns into null or counts as empty: a blank string or an empty list.</summary>
    private static bool IsBlank(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(json.GetString()),
        JsonValueKind.Array => json.GetArrayLength() == 0,
        _ => false,
    };

    /// <summary>What the field expects, when <paramref name="json"/> is not it; null when it fits.</summary>
    private static string? TypeProblem(CustomField field, JsonElement json)
    {
        var kind = json.ValueKind;
        return field.Type.Shape switch
        {
            FieldValueShape.Text => kind == JsonValueKind.String ? null : "a string",
            FieldValueShape.Number => ValueReader.TryDouble(json, out _) ? null : "a number",
            FieldValueShape.Integer => ValueReader.TryInt64(json, out _) ? null : "a whole number",
            FieldValueShape.Boolean => kind is JsonValueKind.True or JsonValueKind.False || OneOrZero(json) ? null : "true or false",
            FieldValueShape.Date => kind == JsonValueKind.String
                && DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : "a date written yyyy-MM-dd (a DateOnly)",
            FieldValueShape.DateTime => kind == JsonValueKind.String
                && !json.GetString()!.All(char.IsAsciiDigit)
                && TimestampJsonConverter.TryParse(json.GetString(), out _)
                ? null
                : "an ISO 8601 date and time (a DateTimeOffset)",
            FieldValueShape.Time => ValueReader.TryTime(json, out _) ? null : "a time written HH:mm or HH:mm:ss (a TimeOnly)",
            FieldValueShape.Option => kind == JsonValueKind.String ? null : "one option value (a string)",
            FieldValueShape.Options => kind == JsonValueKind.Array && json.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String)
                ? null
                : "a list of option values (strings)",
            FieldValueShape.Reference => ValueReader.TryEntryId(json, out _) ? null : "an entry id",
            FieldValueShape.References => ValueReader.TryEntryIds(json, out _) ? null : "a list of entry ids",
            _ => null,
        };
    }

    /// <summary>The chosen values that are not among the field's options (none when the field lists no options).</summary>
    private static List<string> NotOptions(CustomField field, JsonElement json)
    {
        if (field.Options.Count == 0 || field.Type.Shape is not (FieldValueShape.Option or FieldValueShape.Options))
        {
            return [];
        }

        IEnumerable<JsonElement> chosen = json.ValueKind == JsonValueKind.Array ? json.EnumerateArray() : [json];
        return chosen
            .Select(c => c.GetString()!)
            .Where(c => !field.Options.Any(o => string.Equals(o.Value, c, StringComparison.Ordinal)))
            .ToList();
    }

    private static bool OneOrZero(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Number => json.GetRawText() is "1" or "0",
        JsonValueKind.String => json.GetString() is "1" or "0",
        _ => false,
    };
}
