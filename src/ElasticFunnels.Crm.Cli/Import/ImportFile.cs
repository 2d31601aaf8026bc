using System.Text;
using System.Text.Json;
using ElasticFunnels.Crm.Cli.App;

namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>
/// An import file, read as a stream of <see cref="ImportRecord"/> as many times as needed (once to count,
/// once to import): UTF-8 with or without a byte order mark (UTF-16 with one), CSV with its header or
/// JSON Lines, never held whole in memory.
/// </summary>
internal sealed class ImportFile
{
    private ImportFile(string path, ImportFormat format, char delimiter, IReadOnlyList<string> header)
    {
        Path = path;
        Format = format;
        Delimiter = delimiter;
        Header = header;
    }

    public string Path { get; }

    public ImportFormat Format { get; }

    public char Delimiter { get; }

    /// <summary>The CSV header's column names (trimmed); empty for JSON Lines.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Opens and checks the file: it must exist and not be empty; a CSV file must have a header.</summary>
    public static async Task<ImportFile> OpenAsync(string path, string? format, string? delimiter, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"The file {path} does not exist.");
        }

        var kind = format?.ToUpperInvariant() switch
        {
            null => System.IO.Path.GetExtension(path).ToUpperInvariant() is ".JSONL" or ".NDJSON" or ".JSON" ? ImportFormat.JsonLines : ImportFormat.Csv,
            "CSV" => ImportFormat.Csv,
            "JSONL" => ImportFormat.JsonLines,
            _ => throw new CliUsageException($"--format is csv or jsonl (was '{format}')."),
        };

        using var reader = Open(path);
        string? first;
        do
        {
            first = await reader.ReadLineAsync(ct);
        }
        while (first is not null && string.IsNullOrWhiteSpace(first));

        if (first is null)
        {
            throw new CliUsageException($"The file {path} is empty: {(kind == ImportFormat.Csv ? "a CSV file needs a header row naming its columns, then one row per entry" : "a JSON Lines file needs one JSON object per line")}.");
        }

        if (kind == ImportFormat.JsonLines)
        {
            return new ImportFile(path, kind, '\0', []);
        }

        var separator = delimiter switch
        {
            null => CsvRecordReader.DetectDelimiter(first),
            "," or "comma" => ',',
            ";" or "semicolon" => ';',
            "\t" or "tab" or "\\t" => '\t',
            "|" or "pipe" => '|',
            _ => throw new CliUsageException($"--delimiter is one of , ; tab | (was '{delimiter}')."),
        };

        using var headerReader = Open(path);
        var header = await new CsvRecordReader(headerReader, separator).ReadAsync(ct) ?? [];
        return new ImportFile(path, kind, separator, [.. header.Select(h => h.Trim())]);
    }

    /// <summary>The data rows, from the first; for CSV the header is skipped.</summary>
    public async IAsyncEnumerable<ImportRecord> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = Open(Path);
        var row = 0;
        if (Format == ImportFormat.Csv)
        {
            var csv = new CsvRecordReader(reader, Delimiter);
            if (await csv.ReadAsync(ct) is null)
            {
                yield break;
            }

            while (await csv.ReadAsync(ct) is { } cells)
            {
                yield return new ImportRecord(++row, csv.RecordLine, cells, null, csv.Problem);
            }

            yield break;
        }

        var line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            row++;
            ImportRecord record;
            try
            {
                using var document = JsonDocument.Parse(text);
                record = document.RootElement.ValueKind == JsonValueKind.Object
                    ? new ImportRecord(row, line, null, document.RootElement.Clone(), null)
                    : new ImportRecord(row, line, null, null, $"the line is JSON but not an object (it is {document.RootElement.ValueKind.ToString().ToLowerInvariant()})");
            }
            catch (JsonException ex)
            {
                record = new ImportRecord(row, line, null, null, $"the line is not valid JSON ({ex.Message})");
            }

            yield return record;
        }
    }

    /// <summary>Counts the data rows (for the progress bar and the summary) without keeping them.</summary>
    public async Task<int> CountAsync(CancellationToken ct)
    {
        var count = 0;
        await foreach (var _ in ReadAsync(ct))
        {
            count++;
        }

        return count;
    }

    private static StreamReader Open(string path) =>
        new(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
}
