using System.Globalization;
using CsvHelper;

namespace CrmCli;

/// <summary>Writes the per-row results of an import as CSV: row, status, entry_id, message.</summary>
public static class ImportResultsCsv
{
    public static async Task WriteAsync(string path, IEnumerable<ImportRowResult> results, CancellationToken cancellationToken)
    {
        await using var file = new StreamWriter(path);
        await using var writer = CsvWriter.Create(file, null, leaveOpen: true);
        writer.WriteHeader(["row", "status", "entry_id", "message"]);
        foreach (var result in results)
        {
            await writer.WriteRecordAsync([result.Row.ToString(CultureInfo.InvariantCulture), result.Status.ToString().ToLowerInvariant(), result.EntryId!, result.Message!], cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }
}
