namespace ElasticFunnels.Crm;

/// <summary>RFC 4180 fields: quoted only when they hold a comma, a quote, CR or LF; quotes doubled; rows end with CRLF.</summary>
internal static class Csv
{
    public const string NewLine = "\r\n";

    public static void AppendRow(System.Text.StringBuilder row, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                row.Append(',');
            }

            first = false;
            AppendField(row, field);
        }

        row.Append(NewLine);
    }

    public static void AppendField(System.Text.StringBuilder row, string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return;
        }

        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            row.Append(field);
            return;
        }

        row.Append('"');
        foreach (var c in field)
        {
            row.Append(c == '"' ? "\"\"" : c);
        }

        row.Append('"');
    }
}
