using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>Validation and merging of an entry's custom field <c>values</c>.</summary>
internal static class EntryValues
{
    /// <summary>
    /// Validates <c>values</c> against the entity's fields and returns the changes to apply: a null
    /// value means "clear this key". Empty strings count as null, as Laravel's middleware makes them.
    /// Required fields must all be present on create; on update they may only not be cleared.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, JsonNode?>> Read(CrmState state, Input input, EntityRecord entity, bool creating)
    {
        var errors = input.Errors;
        var node = input.Node("values");
        var changes = new List<KeyValuePair<string, JsonNode?>>();
        var fields = state.FieldsOf(entity.Id).ToDictionary(f => f.Key, StringComparer.Ordinal);
        if (JsonText.KindOf(node) != JsonValueKind.Null && node is not JsonObject)
        {
            errors.MustBe("values", "an object of field keys to values");
            return changes;
        }

        foreach (var (key, raw) in node as JsonObject ?? [])
        {
            var attribute = "values." + key;
            if (!fields.TryGetValue(key, out var field))
            {
                errors.Add(attribute, $"The {ValidationErrors.Display(attribute)} field is not a field of this entity.");
                continue;
            }

            var value = JsonText.StringOf(raw) is { } text && text.Trim().Length == 0 ? null : raw;
            if (value is null || JsonText.KindOf(value) == JsonValueKind.Null)
            {
                if (field.Required)
                {
                    errors.Required(attribute);
                }

                changes.Add(new(key, null));
                continue;
            }

            FieldTypes.Validate(field, value, attribute, errors);
            changes.Add(new(key, value.DeepClone()));
        }

        if (creating)
        {
            foreach (var field in fields.Values.Where(f => f.Required))
            {
                var attribute = "values." + field.Key;
                if (!errors.Has(attribute) && !changes.Any(c => c.Key == field.Key && c.Value is not null))
                {
                    errors.Required(attribute);
                }
            }
        }

        return changes;
    }

    /// <summary>Merges key by key: sent keys change, a null removes the key, unsent keys stay.</summary>
    public static void Apply(EntryRecord entry, IReadOnlyList<KeyValuePair<string, JsonNode?>> changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                entry.Values.Remove(key);
            }
            else
            {
                entry.Values[key] = value;
            }
        }
    }
}
