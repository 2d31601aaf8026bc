using System.Text.Json;

namespace ElasticFunnels.Crm;

/// <summary>Turns one entry's data into CSV cell texts, as the export's <see cref="CsvCellFormat"/> and formula guard say.</summary>
internal sealed class CsvCellWriter
{
    private readonly FieldValueShape[] _shapes;
    private readonly CsvCellFormat _format;
    private readonly bool _neutralize;

    /// <param name="columns">The custom field keys, one per value column.</param>
    /// <param name="fields">The entity's fields, when read; a key without a field is written as <see cref="CsvCellFormat.Plain"/>.</param>
    /// <param name="format">How values are written.</param>
    /// <param name="neutralize">Whether cells are guarded against spreadsheet formulas.</param>
    public CsvCellWriter(IReadOnlyList<string> columns, IReadOnlyList<CustomField>? fields, CsvCellFormat format, bool neutralize)
    {
        var shapes = new Dictionary<string, FieldValueShape>(StringComparer.Ordinal);
        foreach (var field in fields ?? [])
        {
            shapes.TryAdd(field.Key, field.Type.Shape);
        }

        // A column with no field keeps the plain form: without its type there is nothing exact to write.
        _shapes = [.. columns.Select(key => shapes.TryGetValue(key, out var shape) ? shape : FieldValueShape.Text)];
        _format = format;
        _neutralize = neutralize;
    }

    /// <summary>Whether the writer needs the entity's fields even when the columns are given.</summary>
    public static bool NeedsFields(CsvCellFormat format) => format == CsvCellFormat.RoundTrip;

    /// <summary>A fixed column's cell (id, title, reference, ...).</summary>
    public string? Text(string? text) => Guard(text);

    /// <summary>The cell of value column <paramref name="column"/>.</summary>
    public string? Value(int column, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (_format == CsvCellFormat.RoundTrip)
        {
            switch (_shapes[column])
            {
                case FieldValueShape.Json or FieldValueShape.Unknown:
                    return Guard(ExportText.CompactJson(value));
                case FieldValueShape.Options or FieldValueShape.References when IsListOfPlainValues(value):
                    return Guard(EntryCsvCells.JoinList(value.EnumerateArray().Select(item => ExportText.Of(item) ?? string.Empty)));
            }
        }

        return Guard(ExportText.Of(value));
    }

    private string? Guard(string? text) => _neutralize && text is not null ? EntryCsvCells.NeutralizeFormula(text) : text;

    private static bool IsListOfPlainValues(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
        && value.EnumerateArray().All(item => item.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False);
}
