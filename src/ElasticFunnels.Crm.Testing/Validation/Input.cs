using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// Reads attributes from a JSON body the way Laravel's validator sees them: strings are trimmed and
/// empty strings count as missing (TrimStrings, ConvertEmptyStringsToNull), "integer" and "boolean"
/// accept their string forms. Each reader records its own failures.
/// </summary>
internal sealed class Input(JsonObject body, ValidationErrors errors, string prefix = "")
{
    public ValidationErrors Errors => errors;

    /// <summary>Prefixes error attributes, for items of an array such as <c>stages.0.</c>.</summary>
    public string Prefix => prefix;

    /// <summary>True when the attribute was sent at all, even as null; updates change only sent attributes.</summary>
    public bool Has(string key) => body.ContainsKey(key);

    public JsonNode? Node(string key) => body[key];

    public string? String(string key, bool required = false, int max = 255)
    {
        var node = body[key];
        if (JsonText.KindOf(node) == JsonValueKind.Null)
        {
            Missing(key, required);
            return null;
        }

        if (JsonText.StringOf(node) is not { } raw)
        {
            errors.MustBe(prefix + key, "a string");
            return null;
        }

        var value = raw.Trim();
        if (value.Length == 0)
        {
            Missing(key, required);
            return null;
        }

        if (value.Length > max)
        {
            errors.Add(prefix + key, $"The {ValidationErrors.Display(prefix + key)} field must not be greater than {max} characters.");
            return null;
        }

        return value;
    }

    public long? Integer(string key, bool required = false, long? min = null, long? max = null)
    {
        var node = body[key];
        if (JsonText.KindOf(node) == JsonValueKind.Null || JsonText.StringOf(node) is { } s && s.Trim().Length == 0)
        {
            Missing(key, required);
            return null;
        }

        if (!TryInteger(node, out var value))
        {
            errors.MustBe(prefix + key, "an integer");
            return null;
        }

        return InRange(key, value, min, max);
    }

    public bool? Boolean(string key, bool required = false)
    {
        var node = body[key];
        if (JsonText.KindOf(node) == JsonValueKind.Null)
        {
            Missing(key, required);
            return null;
        }

        if (!TryBoolean(node, out var value))
        {
            errors.MustBe(prefix + key, "true or false");
            return null;
        }

        return value;
    }

    public long? InRange(string key, long value, long? min, long? max)
    {
        if (value < min)
        {
            errors.Add(prefix + key, $"The {ValidationErrors.Display(prefix + key)} field must be at least {min}.");
            return null;
        }

        if (value > max)
        {
            errors.Add(prefix + key, $"The {ValidationErrors.Display(prefix + key)} field must not be greater than {max}.");
            return null;
        }

        return value;
    }

    public static bool TryInteger(JsonNode? node, out long value)
    {
        value = 0;
        return JsonText.KindOf(node) switch
        {
            JsonValueKind.Number => node!.AsValue().TryGetValue(out value)
                || (node.AsValue().TryGetValue(out double d) && d == Math.Floor(d) && Math.Abs(d) < 9e15 && Assign(out value, (long)d)),
            JsonValueKind.String => long.TryParse(node!.GetValue<string>().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    /// <summary>Laravel's boolean rule: true, false, 1, 0, "1", "0".</summary>
    public static bool TryBoolean(JsonNode? node, out bool value)
    {
        value = false;
        switch (JsonText.KindOf(node))
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number when TryInteger(node, out var n) && n is 0 or 1:
                value = n == 1;
                return true;
            case JsonValueKind.String when JsonText.StringOf(node) is "0" or "1":
                value = JsonText.StringOf(node) == "1";
                return true;
            default:
                return false;
        }
    }

    private static bool Assign(out long target, long value)
    {
        target = value;
        return true;
    }

    private void Missing(string key, bool required)
    {
        if (required)
        {
            errors.Required(prefix + key);
        }
    }
}
