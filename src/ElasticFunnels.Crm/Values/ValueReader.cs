using System.Globalization;
using System.Text.Json;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// Converts one JSON value of an entry to a .NET value. Every method fails (returns false) rather than
/// throws, and accepts the forms the vendor is known to send: numbers as strings, PHP's <c>1200.0</c>
/// for a whole number, Laravel's <c>1</c>/<c>0</c> booleans and every timestamp form.
/// </summary>
internal static class ValueReader
{
    private const NumberStyles NumberStyle = NumberStyles.Float;

    private static readonly string[] TimeFormats = ["HH:mm:ss.FFFFFFF", "HH:mm"];

    /// <summary>A JSON string; a JSON number reads as its JSON text (a phone or zip code the server sent as a number).</summary>
    public static bool TryString(JsonElement e, out string? value)
    {
        value = e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        };
        return value is not null;
    }

    public static bool TryDecimal(JsonElement e, out decimal value)
    {
        value = 0;
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.TryGetDecimal(out value),
            JsonValueKind.String => decimal.TryParse(e.GetString()!.Trim(), NumberStyle, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    public static bool TryDouble(JsonElement e, out double value)
    {
        value = 0;
        var ok = e.ValueKind switch
        {
            JsonValueKind.Number => e.TryGetDouble(out value),
            JsonValueKind.String => double.TryParse(e.GetString()!.Trim(), NumberStyle, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
        return ok && double.IsFinite(value);
    }

    /// <summary>A whole number; <c>12.0</c> (as PHP writes a whole double) reads as 12, <c>12.5</c> does not read.</summary>
    public static bool TryInt64(JsonElement e, out long value)
    {
        value = 0;
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out value))
        {
            return true;
        }

        if (e.ValueKind == JsonValueKind.String
            && long.TryParse(e.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (TryDecimal(e, out var d) && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// <c>true</c>/<c>false</c>; also, because the vendor runs on Laravel, the numbers <c>1</c>/<c>0</c>
    /// and the strings <c>"1"</c>/<c>"0"</c>/<c>"true"</c>/<c>"false"</c> (any case).
    /// </summary>
    public static bool TryBoolean(JsonElement e, out bool value)
    {
        value = false;
        switch (e.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number:
                return OneOrZero(e.GetRawText(), out value);
            case JsonValueKind.String:
                var text = e.GetString()!.Trim();
                if (OneOrZero(text, out value))
                {
                    return true;
                }

                if (bool.TryParse(text, out value))
                {
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary><c>yyyy-MM-dd</c>, or a full timestamp whose calendar date (as written, in its own offset) is taken.</summary>
    public static bool TryDate(JsonElement e, out DateOnly value)
    {
        value = default;
        if (e.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = e.GetString()!.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        // Only timestamps: a bare number here is not a date.
        if (text.Length > 10 && text[10] is 'T' or ' ' && TimestampJsonConverter.TryParse(text, out var instant))
        {
            value = DateOnly.FromDateTime(instant.DateTime);
            return true;
        }

        return false;
    }

    /// <summary>Every timestamp form the vendor uses (see <see cref="TimestampJsonConverter"/>); a JSON number is Unix seconds.</summary>
    public static bool TryDateTime(JsonElement e, out DateTimeOffset value)
    {
        value = default;
        return e.ValueKind switch
        {
            JsonValueKind.String => TimestampJsonConverter.TryParse(e.GetString(), out value),
            JsonValueKind.Number => e.TryGetInt64(out var seconds) && TimestampJsonConverter.TryFromUnixSeconds(seconds, out value),
            _ => false,
        };
    }

    /// <summary><c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.fffffff</c>.</summary>
    public static bool TryTime(JsonElement e, out TimeOnly value)
    {
        value = default;
        return e.ValueKind == JsonValueKind.String
            && TimeOnly.TryParseExact(e.GetString()!.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>An array of strings (numbers read as their JSON text); an empty array is an empty list.</summary>
    public static bool TryStrings(JsonElement e, out IReadOnlyList<string>? value)
    {
        value = null;
        if (e.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new string[e.GetArrayLength()];
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (!TryString(item, out var text))
            {
                return false;
            }

            list[i++] = text!;
        }

        value = Array.AsReadOnly(list);
        return true;
    }

    /// <summary>An entry id: a non-empty string, or a number read as its JSON text.</summary>
    public static bool TryEntryId(JsonElement e, out string? value) =>
        TryString(e, out value) && !string.IsNullOrWhiteSpace(value) || Fail(out value);

    public static bool TryEntryIds(JsonElement e, out IReadOnlyList<string>? value) =>
        TryStrings(e, out value) && value!.All(id => !string.IsNullOrWhiteSpace(id)) || Fail(out value);

    /// <summary>What a value is, for messages: its kind and at most 32 characters of its JSON, e.g. <c>a string "abc"</c>.</summary>
    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Undefined => "no value",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => $"a boolean {Snippet(e)}",
        JsonValueKind.Array => $"an array {Snippet(e)}",
        JsonValueKind.Object => $"an object {Snippet(e)}",
        _ => $"a {KindName(e.ValueKind)} {Snippet(e)}",
    };

    /// <summary>The kind with its article: <c>a string</c>, <c>an array</c>.</summary>
    public static string KindWithArticle(JsonValueKind kind) =>
        kind is JsonValueKind.Array or JsonValueKind.Object ? "an " + KindName(kind) : "a " + KindName(kind);

    public static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    public static string? Snippet(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        const int Max = 32;
        var raw = e.GetRawText();
        return raw.Length <= Max ? raw : string.Concat(raw.AsSpan(0, Max), "…");
    }

    private static bool OneOrZero(string text, out bool value)
    {
        value = text == "1";
        return text is "1" or "0";
    }

    private static bool Fail<T>(out T? value)
    {
        value = default;
        return false;
    }
}
