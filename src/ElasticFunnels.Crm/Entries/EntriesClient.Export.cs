using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ElasticFunnels.Crm;

internal sealed partial class EntriesClient
{
    /// <summary>The columns every CSV export starts with, named as the API names them.</summary>
    internal static readonly string[] FixedCsvColumns = ["id", "title", "pipeline_id", "stage_id", "reference_type", "reference_id", "created_at", "updated_at"];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public Task<long> ExportCsvAsync(long entityId, TextWriter writer, EntryExportOptions? options = null, CancellationToken cancellationToken = default) =>
        ExportCsvAsync(entityId, writer, options, null, cancellationToken);

    public Task<long> ExportCsvAsync(long entityId, TextWriter writer, EntryExportOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(writer);
        var (filter, columns) = PrepareExport(options, requestOptions);
        return ExportCsvCoreAsync(entityId, writer, filter, columns, options, requestOptions, cancellationToken);
    }

    public Task<long> ExportCsvAsync(long entityId, Stream stream, EntryExportOptions? options = null, CancellationToken cancellationToken = default) =>
        ExportCsvAsync(entityId, stream, options, null, cancellationToken);

    public Task<long> ExportCsvAsync(long entityId, Stream stream, EntryExportOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        CheckWritable(stream);
        var (filter, columns) = PrepareExport(options, requestOptions);
        return ToStreamAsync(stream, writer => ExportCsvCoreAsync(entityId, writer, filter, columns, options, requestOptions, cancellationToken));
    }

    public Task<long> ExportJsonLinesAsync(long entityId, TextWriter writer, EntryExportOptions? options = null, CancellationToken cancellationToken = default) =>
        ExportJsonLinesAsync(entityId, writer, options, null, cancellationToken);

    public Task<long> ExportJsonLinesAsync(long entityId, TextWriter writer, EntryExportOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(writer);
        var (filter, _) = PrepareExport(options, requestOptions);
        return ExportJsonLinesCoreAsync(entityId, writer, filter, requestOptions, cancellationToken);
    }

    public Task<long> ExportJsonLinesAsync(long entityId, Stream stream, EntryExportOptions? options = null, CancellationToken cancellationToken = default) =>
        ExportJsonLinesAsync(entityId, stream, options, null, cancellationToken);

    public Task<long> ExportJsonLinesAsync(long entityId, Stream stream, EntryExportOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        CheckWritable(stream);
        var (filter, _) = PrepareExport(options, requestOptions);
        return ToStreamAsync(stream, writer => ExportJsonLinesCoreAsync(entityId, writer, filter, requestOptions, cancellationToken));
    }

    private async Task<long> ExportCsvCoreAsync(long entityId, TextWriter writer, EntryListOptions filter, string[]? columns, EntryExportOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var format = options?.CellFormat ?? CsvCellFormat.Plain;
        var entityFields = columns is null || CsvCellWriter.NeedsFields(format) ? await fields.ListAsync(entityId, requestOptions, cancellationToken).ConfigureAwait(false) : null;
        columns ??= FieldColumns(entityFields!);
        var text = new CsvCellWriter(columns, entityFields, format, options?.NeutralizeFormulas ?? false);
        var row = new StringBuilder();
        Csv.AppendRow(row, FixedCsvColumns.Concat(columns.Select(key => FixedCsvColumns.Contains(key, StringComparer.Ordinal) ? "values." + key : key)));
        await writer.WriteAsync(row, cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);

        var cells = new string?[FixedCsvColumns.Length + columns.Length];
        long count = 0;
        await foreach (var page in ListAutoPagingAsync(entityId, filter, requestOptions, cancellationToken).AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            row.Clear();
            foreach (var entry in page.Values)
            {
                cells[0] = text.Text(entry.Id);
                cells[1] = text.Text(entry.Title);
                cells[2] = ExportText.Of(entry.PipelineId);
                cells[3] = ExportText.Of(entry.StageId);
                cells[4] = text.Text(entry.ReferenceType);
                cells[5] = text.Text(entry.ReferenceId);
                cells[6] = ExportText.Of(entry.CreatedAt);
                cells[7] = ExportText.Of(entry.UpdatedAt);
                for (var i = 0; i < columns.Length; i++)
                {
                    cells[FixedCsvColumns.Length + i] = entry.Values.TryGetValue(columns[i], out var value) ? text.Value(i, value) : null;
                }

                Csv.AppendRow(row, cells);
                count++;
            }

            // One write and one flush per page: the reader sees progress, and memory stays at one page.
            await writer.WriteAsync(row, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    private async Task<long> ExportJsonLinesCoreAsync(long entityId, TextWriter writer, EntryListOptions filter, CrmRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer, EntryJsonLine.WriterOptions);
        long count = 0;
        await foreach (var page in ListAutoPagingAsync(entityId, filter, requestOptions, cancellationToken).AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            buffer.ResetWrittenCount();
            foreach (var entry in page.Values)
            {
                json.Reset(buffer);
                EntryJsonLine.Write(json, entry);
                json.Flush();
                buffer.Write("\n"u8);
                count++;
            }

            await writer.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    private static string[] FieldColumns(IReadOnlyList<CustomField> fields) =>
        [.. fields.Where(f => f.Key.Length > 0).OrderBy(f => f.Position ?? int.MaxValue).Select(f => f.Key).Distinct(StringComparer.Ordinal)];

    private (EntryListOptions Filter, string[]? Columns) PrepareExport(EntryExportOptions? options, CrmRequestOptions? requestOptions)
    {
        runner.Settings(requestOptions);
        var filter = options?.Filter?.Clone() ?? new EntryListOptions();
        filter.Validate($"{nameof(options)}.Filter");
        if (options?.Columns is not { } columns)
        {
            return (filter, null);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in columns)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException($"{nameof(options)}.Columns contains an empty field key.", nameof(options));
            }

            if (!seen.Add(key))
            {
                throw new ArgumentException($"{nameof(options)}.Columns names the field key '{key}' twice.", nameof(options));
            }
        }

        return (filter, [.. columns]);
    }

    private static void CheckWritable(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("stream must be writable.", nameof(stream));
        }
    }

    private static async Task<long> ToStreamAsync(Stream stream, Func<TextWriter, Task<long>> export)
    {
        // UTF-8 without a byte order mark; the caller's stream stays open.
        var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            return await export(writer).ConfigureAwait(false);
        }
    }
}
