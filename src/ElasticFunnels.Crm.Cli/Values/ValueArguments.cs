using System.Text.Json;
using ElasticFunnels.Crm.Cli.App;

namespace ElasticFunnels.Crm.Cli.Values;

/// <summary>
/// Entry values given on the command line: <c>--set key=value</c> (read as the field's type, an empty
/// value clears the field) and <c>--values '{"key": ...}'</c> (JSON, sent as written); then checked against
/// the entity's fields before anything is sent.
/// </summary>
internal static class ValueArguments
{
    public static FieldValues Read(EntitySchema schema, IEnumerable<string>? sets, string? json, bool creating)
    {
        var values = new FieldValues();
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(json))
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new CliUsageException("--values must be a JSON object of field keys to values, e.g. {\"deal_value\": 1200.5}.");
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    values.Set(property.Name, FieldValue.FromJson(property.Value));
                }
            }
            catch (JsonException ex)
            {
                throw new CliUsageException($"--values is not valid JSON: {ex.Message}", ex);
            }
        }

        foreach (var set in sets ?? [])
        {
            var equals = set.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliUsageException($"--set takes key=value (was '{set}').");
            }

            var key = set[..equals].Trim();
            var text = set[(equals + 1)..];
            if (!schema.TryGetField(key, out var field))
            {
                problems.Add($"'{key}' is not a field of entity {schema.EntityId} (fields: {string.Join(", ", schema.Fields.Select(f => f.Key))}).");
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                values.SetNull(key);
            }
            else if (CellValue.TryParse(field, text, out var value, out var error))
            {
                values.Set(key, value);
            }
            else
            {
                problems.Add(error!);
            }
        }

        problems.AddRange((creating ? schema.ValidateCreate(values) : schema.ValidateUpdate(values)).Select(p => p.Message));
        return problems.Count == 0
            ? values
            : throw new CliUsageException("The values do not fit the entity's fields; nothing was sent:\n  " + string.Join("\n  ", problems.Distinct()));
    }
}
