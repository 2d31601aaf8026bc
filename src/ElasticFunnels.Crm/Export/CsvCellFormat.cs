namespace ElasticFunnels.Crm;

/// <summary>How <see cref="IEntriesClient.ExportCsvAsync(long, TextWriter, EntryExportOptions?, CancellationToken)"/> writes custom field values into cells.</summary>
public enum CsvCellFormat
{
    /// <summary>
    /// For reading by people: text as it is, numbers as the API sent them, <c>true</c>/<c>false</c>, a list
    /// of plain values joined with <c>"; "</c>, objects and lists of objects as compact JSON. A list item
    /// that itself holds <c>;</c> cannot be told apart from two items.
    /// </summary>
    Plain = 0,

    /// <summary>
    /// For reading back exactly, knowing each column's field type (the entity's fields are read once, even
    /// when <see cref="EntryExportOptions.Columns"/> is set). As <see cref="Plain"/>, except: a list value
    /// of a <see cref="FieldValueShape.Options"/> or <see cref="FieldValueShape.References"/> field is
    /// written with <see cref="EntryCsvCells.JoinList"/> (items escaped, then joined with <c>"; "</c>), so
    /// <see cref="EntryCsvCells.SplitList"/> gives the items back; and every value of a
    /// <see cref="FieldValueShape.Json"/> field, or of a type the SDK does not know, is written as compact
    /// JSON (a string with its quotes), so text, numbers and lists stay what they were.
    /// </summary>
    RoundTrip = 1,
}
