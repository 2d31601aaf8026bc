namespace ElasticFunnels.Crm;

public partial interface IEntriesClient
{
    /// <inheritdoc cref="ExportCsvAsync(long, TextWriter, EntryExportOptions?, CrmRequestOptions, CancellationToken)"/>
    Task<long> ExportCsvAsync(long entityId, TextWriter writer, EntryExportOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes every entry of an entity that matches the filter as CSV (RFC 4180: comma-separated, fields
    /// with a comma, quote or line break quoted, quotes doubled, CRLF line ends), page by page in constant
    /// memory, flushing after each page.
    /// </summary>
    /// <remarks>
    /// <para>The header comes first: the fixed columns <c>id, title, pipeline_id, stage_id, reference_type,
    /// reference_id, created_at, updated_at</c>, then one column per custom field key, from
    /// <see cref="EntryExportOptions.Columns"/> or, when that is not set, from the entity's fields (read
    /// once, in display order). A key that clashes with a fixed column is headed <c>values.{key}</c>.
    /// Values whose key is not a column are left out (the header cannot change after the first row); use
    /// <see cref="ExportJsonLinesAsync(long, TextWriter, EntryExportOptions?, CancellationToken)"/> to keep everything.</para>
    /// <para>Cells never depend on the culture: numbers as the API sent them, <c>true</c>/<c>false</c>,
    /// timestamps ISO 8601 in UTC, null as an empty cell, a list of plain values joined with <c>"; "</c>,
    /// objects and lists of objects as compact JSON (<see cref="CsvCellFormat.Plain"/>); with
    /// <see cref="EntryExportOptions.CellFormat"/> <see cref="CsvCellFormat.RoundTrip"/>, list items are
    /// escaped and JSON fields written as JSON, so <see cref="EntryCsvCells"/> reads them back exactly. Rows
    /// come newest first, each entry once (see <see cref="ListAutoPagingAsync(long, EntryListOptions?, CancellationToken)"/> for what holds while the data
    /// changes). Cells are written as they are unless <see cref="EntryExportOptions.NeutralizeFormulas"/> is
    /// set: turn it on when the file will be opened in a spreadsheet.</para>
    /// </remarks>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="writer">Where the CSV goes; it is flushed, not closed.</param>
    /// <param name="options">Filter and columns; <see langword="null"/> for every entry and every field.</param>
    /// <param name="requestOptions">Settings for each request of the export (timeout, extra headers, retries); the token bounds the whole export.</param>
    /// <param name="cancellationToken">Stops the export; what was written stays written.</param>
    /// <returns>The number of rows written, the header not counted.</returns>
    /// <exception cref="ArgumentException">The filter is out of range or <see cref="EntryExportOptions.Columns"/> holds an empty or repeated key; nothing was sent.</exception>
    Task<long> ExportCsvAsync(long entityId, TextWriter writer, EntryExportOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ExportCsvAsync(long, Stream, EntryExportOptions?, CrmRequestOptions, CancellationToken)"/>
    Task<long> ExportCsvAsync(long entityId, Stream stream, EntryExportOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Writes the CSV export (see <see cref="ExportCsvAsync(long, TextWriter, EntryExportOptions?, CancellationToken)"/>) to a stream as UTF-8 without a byte order mark.</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="stream">A writable stream; it is flushed, not closed. All writes are asynchronous.</param>
    /// <param name="options">Filter and columns; <see langword="null"/> for every entry and every field.</param>
    /// <param name="requestOptions">Settings for each request of the export (timeout, extra headers, retries); the token bounds the whole export.</param>
    /// <param name="cancellationToken">Stops the export; what was written stays written.</param>
    /// <returns>The number of rows written, the header not counted.</returns>
    /// <exception cref="ArgumentException">The stream is not writable, or the options are invalid; nothing was sent.</exception>
    Task<long> ExportCsvAsync(long entityId, Stream stream, EntryExportOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ExportJsonLinesAsync(long, TextWriter, EntryExportOptions?, CrmRequestOptions, CancellationToken)"/>
    Task<long> ExportJsonLinesAsync(long entityId, TextWriter writer, EntryExportOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes every entry of an entity that matches the filter as JSON Lines (one JSON object per line,
    /// <c>\n</c> line ends), page by page in constant memory, flushing after each page.
    /// </summary>
    /// <remarks>
    /// Each line has the same keys: <c>id, title, pipeline_id, stage_id, crm_entity_id, brand_id,
    /// reference_type, reference_id, assigned_to_user_id, assigned_to_team_id, created_at, updated_at</c>
    /// (null when the API did not send them), <c>values</c> as one flat object holding every value as the
    /// API sent it, and <c>customer</c> when the filter asked for it. <see cref="EntryExportOptions.Columns"/> is not used.
    /// </remarks>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="writer">Where the lines go; it is flushed, not closed.</param>
    /// <param name="options">The filter; <see langword="null"/> for every entry.</param>
    /// <param name="requestOptions">Settings for each request of the export (timeout, extra headers, retries); the token bounds the whole export.</param>
    /// <param name="cancellationToken">Stops the export; what was written stays written.</param>
    /// <returns>The number of lines written.</returns>
    /// <exception cref="ArgumentException">The filter is out of range; nothing was sent.</exception>
    Task<long> ExportJsonLinesAsync(long entityId, TextWriter writer, EntryExportOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ExportJsonLinesAsync(long, Stream, EntryExportOptions?, CrmRequestOptions, CancellationToken)"/>
    Task<long> ExportJsonLinesAsync(long entityId, Stream stream, EntryExportOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Writes the JSON Lines export (see <see cref="ExportJsonLinesAsync(long, TextWriter, EntryExportOptions?, CancellationToken)"/>) to a stream as UTF-8 without a byte order mark.</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="stream">A writable stream; it is flushed, not closed. All writes are asynchronous.</param>
    /// <param name="options">The filter; <see langword="null"/> for every entry.</param>
    /// <param name="requestOptions">Settings for each request of the export (timeout, extra headers, retries); the token bounds the whole export.</param>
    /// <param name="cancellationToken">Stops the export; what was written stays written.</param>
    /// <returns>The number of lines written.</returns>
    /// <exception cref="ArgumentException">The stream is not writable, or the filter is out of range; nothing was sent.</exception>
    Task<long> ExportJsonLinesAsync(long entityId, Stream stream, EntryExportOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
