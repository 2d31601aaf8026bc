using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ElasticFunnels.Crm.Cli.Values;

/// <summary>
/// Text (a CSV cell, a <c>--set key=value</c>) read as a value of a field's type, exactly: numbers keep
/// their digits (1200.50 stays 1200.50), dates and timestamps are sent as written once they parse, lists
/// are read with <see cref="EntryCsvCells.SplitList"/>, JSON fields take JSON. Never culture-dependent.
/// </summary>
internal static partial class CellValue
{
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?(Z|z|[+-][0-9]{2}:?[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();

    /// <summary>Reads <paramref name="text"/> (not blank) as a value of <paramref name="field"/>, or says what was expected.</summary>
    public static bool TryParse(CustomField field, string text, out FieldValue value, out string? error)
    {
        var trimmed = text.Trim();
        value = FieldValue.Null;
        error = null;
        switch (field.Type.Shape)
        {
            case FieldValueShape.Text or FieldValueShape.Option or FieldValueShape.Reference:
                value = text;
                return true;
            case FieldValueShape.Number:
                var number = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
                if (JsonNumber().IsMatch(number))
                {
                    using var document = JsonDocument.Parse(number);
                    value = FieldValue.FromJson(document.RootElement);
                    return true;
                }

                return Fail(field, text, "a number such as 1200.50 or -5 (a dot for decimals, no thousands separators)", out error);
            case FieldValueShape.Integer:
                if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    value = integer;
                    return true;
                }

                return Fail(field, text, "a whole number", out error);
            case FieldValueShape.Boolean:
                switch (trimmed.ToUpperInvariant())
                {
                    case "TRUE" or "1" or "YES":
                        value = true;
                        return true;
                    case "FALSE" or "0" or "NO":
                        value = false;
                        return true;
                    default:
                        return Fail(field, text, "true or false (or 1/0, yes/no)", out error);
                }

            case FieldValueShape.Date:
                if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    value = trimmed;
                    return true;
                }

                return Fail(field, text, "a date written yyyy-MM-dd", out error);
            case FieldValueShape.DateTime:
                if (IsoTimestamp().IsMatch(trimmed)
                    && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    value = trimmed;
                    return true;
                }

                return Fail(field, text, "an ISO 8601 date and time such as 2024-12-11T10:00:00Z or 2024-12-11T12:00:00+02:00", out error);
            case FieldValueShape.Time:
                if (TimeOnly.TryParseExact(trimmed, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    value = trimmed;
                    return true;
                }

                return Fail(field, text, "a time written HH:mm or HH:mm:ss", out error);
            case FieldValueShape.Options or FieldValueShape.References:
                value = FieldValue.FromStrings(EntryCsvCells.SplitList(text));
                return true;
            default:
                // JSON fields, and types this version does not know: the cell is JSON, as the export writes it.
                try
                {
                    using var document = JsonDocument.Parse(trimmed);
                    value = FieldValue.FromJson(document.RootElement);
                    return true;
                }
                catch (JsonException)
                {
                    return Fail(field, text, "JSON (a string in double quotes, a number, true/false, an object or a list)", out error);
                }
        }
    }

    private static bool Fail(CustomField field, string text, string expected, out string error)
    {
        var shown = text.Length > 40 ? text[..40] + "…" : text;
        error = $"'{field.Key}' is a {field.Type.Value} field: expected {expected}, not \"{shown}\".";
        return false;
    }
}
