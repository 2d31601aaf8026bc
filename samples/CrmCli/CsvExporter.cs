using System.Globalization;
using System.Text.Json;
using CsvHelper;
using ElasticFunnels.Crm;

namespace CrmCli;

/// <summary>
/// Exports every entry of an entity to CSV, paging through the entries lazily: fixed columns
/// (id, title, stage, reference, timestamps), then one column per field of the entity.
/// </summary>
public sealed class CsvExporter(IElasticFunnelsCrmClient crm)
{
    private static readonly string[] FixedColumns = ["id", "title", "pipeline_id", "stage", "reference_type", "reference_id", "created_at", "updated_at"];

    public int PageSize { get; init; } = EntryListOptions.MaxPerPage;

    public async Task<int> ExportAsync(CliTarget target, TextWriter output, Action<int>? onRow = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(output);
        var keys = target.Fields.OrderBy(f => f.Position ?? int.MaxValue).ThenBy(f => f.Id).Select(f => f.Key).ToList();

        await using var writer = CsvWriter.Create(output, null, leaveOpen: true);
        writer.WriteHeader([.. FixedColumns, .. keys]);
        var rows = 0;
        await foreach (var entry in crm.Entries.ListAutoPagingAsync(target.Entity.Id, new EntryListOptions { PerPage = PageSize }, cancellationToken))
        {
            string?[] record =
            [
                entry.Id,
                entry.Title,
                entry.PipelineId?.ToString(CultureInfo.InvariantCulture),
                target.StageName(entry.StageId),
                entry.ReferenceType,
                entry.ReferenceId,
                entry.CreatedAt?.ToString("O", CultureInfo.InvariantCulture),
                entry.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture),
                .. keys.Select(k => entry.Values.TryGetValue(k, out var value) ? Text(value) : null),
            ];
            await writer.WriteRecordAsync(record!, cancellationToken);
            rows++;
            onRow?.Invoke(rows);
        }

        await writer.FlushAsync(cancellationToken);
        return rows;
    }

    /// <summary>Strings as they are, numbers and booleans as JSON writes them, lists and objects as JSON.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
