using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// The field types the vendor's pages mention (including alternative spellings such as <c>tel</c> and
/// <c>multiselect</c>), and how an entry value of each type is checked.
/// </summary>
internal static partial class FieldTypes
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "text", "textarea", "rich_text", "wysiwyg", "email", "phone", "tel", "url", "number", "date", "datetime",
        "boolean", "select", "multi_select", "multiselect", "color", "image", "file", "json", "reference",
        "multi_reference", "integer", "decimal", "currency", "time", "checkbox", "radio",
    };

    /// <summary>Types whose values must be one (or several) of the field's options, so options are required.</summary>
    public static bool NeedsOptions(string type) => type is "select" or "multi_select" or "multiselect" or "radio";

    private static bool IsMulti(string type) => type is "multi_select" or "multiselect";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>The option values, whether options were sent as strings or as <c>{value, label}</c> objects.</summary>
    public static IReadOnlyList<string> OptionValues(JsonNode? options) =>
        options is JsonArray array
            ? [.. array.Select(o => JsonText.StringOf(o) ?? JsonText.StringOf((o as JsonObject)?["value"])).OfType<string>()]
            : [];

    /// <summary>Checks one non-null entry value against its field; records at most one message under <paramref name="attribute"/>.</summary>
    public static void Validate(FieldRecord field, JsonNode value, string attribute, ValidationErrors errors)
    {
        var kind = JsonText.KindOf(value);
        var text = JsonText.StringOf(value);
        string? problem = field.Type switch
        {
            "number" or "decimal" or "currency" => IsNumber(kind, text) ? null : "a number",
            "integer" => Input.TryInteger(value, out _) ? null : "an integer",
            "boolean" or "checkbox" => Input.TryBoolean(value, out _) ? null : "true or false",
            "date" => text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : "a valid date in the format Y-m-d",
            "datetime" => text is not null && DateTimePattern().IsMatch(text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                ? null
                : "a valid date",
            "time" => text is not null && (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                || TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                ? null
                : "a valid time",
            "email" => text is not null && EmailPattern().IsMatch(text) ? null : "a valid email address",
            "url" => text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? null
                : "a valid URL",
            "json" => null,
            "reference" => kind is JsonValueKind.String or JsonValueKind.Number ? null : "a reference id",
            "multi_reference" => kind is JsonValueKind.Array ? null : "an array",
            _ when NeedsOptions(field.Type) => null,
            _ => text is not null ? null : "a string",
        };

        if (problem is not null)
        {
            errors.MustBe(attribute, problem);
            return;
        }

        if (NeedsOptions(field.Type))
        {
            ValidateOptions(field, value, attribute, errors);
        }
    }

    private static void ValidateOptions(FieldRecord field, JsonNode value, string attribute, ValidationErrors errors)
    {
        var allowed = OptionValues(field.Options);
        if (!IsMulti(field.Type))
        {
            if (JsonText.StringOf(value) is not { } chosen || !allowed.Contains(chosen))
            {
                errors.Invalid(attribute);
            }

            return;
        }

        if (value is not JsonArray chosenList)
        {
            errors.MustBe(attribute, "an array");
            return;
        }

        for (var i = 0; i < chosenList.Count; i++)
        {
            if (JsonText.StringOf(chosenList[i]) is not { } chosen || !allowed.Contains(chosen))
            {
                errors.Invalid($"{attribute}.{i}");
            }
        }
    }

    private static bool IsNumber(JsonValueKind kind, string? text) =>
        kind == JsonValueKind.Number
        || (text is not null && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d));
}
