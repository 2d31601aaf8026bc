namespace ElasticFunnels.Crm;

/// <summary>What <see cref="IEntriesClient.ExportCsvAsync(long, TextWriter, EntryExportOptions?, CancellationToken)"/> and <c>ExportJsonLinesAsync</c> write.</summary>
public sealed class EntryExportOptions
{
    /// <summary>Filters and page size of the listing; <see langword="null"/> for every entry, 100 per request.</summary>
    public EntryListOptions? Filter { get; set; }

    /// <summary>
    /// CSV only: the custom field keys that become columns, in this order, after the fixed columns. When
    /// <see langword="null"/>, the entity's fields are read once before the export
    /// (<c>GET .../entities/{entity}/fields</c>) and every field becomes a column in display order. A CSV
    /// header comes before the first row, so a value whose key is not a column is left out; JSON Lines
    /// writes every value and ignores this list.
    /// </summary>
    public IList<string>? Columns { get; set; }

    /// <summary>
    /// CSV only: how custom field values are written. <see cref="CsvCellFormat.Plain"/> (the default) reads
    /// best; <see cref="CsvCellFormat.RoundTrip"/> can be read back exactly, list items and JSON included,
    /// and reads the entity's fields once even when <see cref="Columns"/> is set.
    /// </summary>
    public CsvCellFormat CellFormat { get; set; }

    /// <summary>
    /// CSV only: when <see langword="true"/>, every cell that a spreadsheet would run as a formula (text
    /// starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, numbers such as
    /// <c>-5</c> excepted) is written with a leading <c>'</c>, as <see cref="EntryCsvCells.NeutralizeFormula"/>
    /// defines; <see cref="EntryCsvCells.RestoreFormula"/> undoes it exactly. Default <see langword="false"/>:
    /// cells are written as they are.
    /// </summary>
    public bool NeutralizeFormulas { get; set; }
}
