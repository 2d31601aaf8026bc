using CsvHelper;
using ElasticFunnels.Crm;

namespace CrmCli;

/// <summary>
/// Imports entries from a CSV file: one entry per row, columns matched to field keys. Rows with a
/// <c>reference_id</c> are upserted by reference (rerunning the import updates them); rows without
/// one are created. A few rows run at a time; a row that fails is reported and the rest go on.
/// </summary>
/// <remarks>
/// Columns: <c>title</c> (or <c>first_name</c> + <c>last_name</c>, or <c>email</c>), <c>reference_id</c>,
/// <c>reference_type</c> (default <c>import</c>), <c>stage</c> (a stage name; default the first stage),
/// and any field key of the entity. Other columns are ignored, with a warning.
/// </remarks>
public sealed class CsvImporter(IElasticFunnelsCrmClient crm)
{
    public const string DefaultReferenceType = "import";

    private static readonly HashSet<string> KnownColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "first_name", "last_name", "reference_id", "reference_type", "stage",
    };

    public int MaxConcurrency { get; init; } = 4;

    public async Task<IReadOnlyList<ImportRowResult>> ImportAsync(
        CliTarget target,
        TextReader csv,
        TextWriter log,
        Func<int, IProgress<ImportRowResult>>? progressForTotal = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(csv);
        var (headers, rows) = await ReadAllAsync(csv, cancellationToken);
        var fields = target.Fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var ignored in headers.Where(h => !KnownColumns.Contains(h) && !fields.ContainsKey(h)))
        {
            log.WriteLine($"warning: column '{ignored}' is not a field of '{target.Entity.Slug}'; it is ignored.");
        }

        var progress = progressForTotal?.Invoke(rows.Count);
        var results = new ImportRowResult[rows.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rows.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                results[index] = await ImportRowAsync(target, fields, index + 1, rows[index], ct);
                progress?.Report(results[index]);
            });
        return results;
    }

    private async Task<ImportRowResult> ImportRowAsync(CliTarget target, Dictionary<string, CustomField> fields, int row, IReadOnlyDictionary<string, string> cells, CancellationToken cancellationToken)
    {
        var title = Cell(cells, "title")
            ?? (string.Join(' ', new[] { Cell(cells, "first_name"), Cell(cells, "last_name") }.Where(s => s is not null)) is { Length: > 0 } name ? name : null)
            ?? Cell(cells, "email");
        if (title is null)
        {
            return new ImportRowResult(row, ImportRowStatus.Failed, null, "no title: the row has no title, name or email");
        }

        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (key, text) in cells)
        {
            if (fields.TryGetValue(key, out var field) && !string.IsNullOrWhiteSpace(text))
            {
                values[key] = Fit(field, text.Trim());
            }
        }

        var stage = target.StageNamed(Cell(cells, "stage"));
        var request = new EntryCreateRequest
        {
            Title = title,
            PipelineId = stage is null ? null : target.Pipeline?.Id,
            StageId = stage?.Id,
            ReferenceId = Cell(cells, "reference_id"),
            ReferenceType = Cell(cells, "reference_id") is null ? null : Cell(cells, "reference_type") ?? DefaultReferenceType,
            Values = values,
        };

        try
        {
            if (request.ReferenceId is null)
            {
                var entry = await crm.Entries.CreateAsync(target.Entity.Id, request, cancellationToken);
                return new ImportRowResult(row, ImportRowStatus.Created, entry.Id, null);
            }

            var result = await crm.Entries.UpsertByReferenceAsync(target.Entity.Id, request, cancellationToken);
            if (!result.Created && stage is not null && result.Entry.StageId != stage.Id && Cell(cells, "stage") is not null)
            {
                // An upsert leaves an existing entry's stage alone; the file says where it should be.
                await crm.Entries.MoveToStageAsync(target.Entity.Id, result.Entry.Id, stage.Id, cancellationToken);
            }

            return new ImportRowResult(row, result.Created ? ImportRowStatus.Created : ImportRowStatus.Updated, result.Entry.Id, null);
        }
        catch (CrmValidationException ex)
        {
            var details = ex.FieldErrors.SelectMany(e => e.Value).ToList();
            return new ImportRowResult(row, ImportRowStatus.Failed, null, details.Count > 0 ? string.Join(" ", details) : ex.Message);
        }
        catch (CrmApiException ex)
        {
            return new ImportRowResult(row, ImportRowStatus.Failed, null, ex.Message);
        }
    }

    /// <summary>A select takes the option that matches ignoring case, so "google" fits "Google".</summary>
    private static FieldValue Fit(CustomField field, string text)
    {
        if (field.Type == FieldType.Select)
        {
            return field.Options.FirstOrDefault(o => string.Equals(o.Value, text, StringComparison.OrdinalIgnoreCase))?.Value ?? text;
        }

        if (field.Type == FieldType.MultiSelect)
        {
            return text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => field.Options.FirstOrDefault(o => string.Equals(o.Value, t, StringComparison.OrdinalIgnoreCase))?.Value ?? t)
                .ToArray();
        }

        if (field.Type == FieldType.Number && decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (field.Type == FieldType.Boolean && bool.TryParse(text, out var flag))
        {
            return flag;
        }

        return text;
    }

    private static string? Cell(IReadOnlyDictionary<string, string> cells, string column) =>
        cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Reads the whole file first, so the progress bar knows the total; fine for files of thousands of rows.</summary>
    private static async Task<(IReadOnlyList<string> Headers, List<IReadOnlyDictionary<string, string>> Rows)> ReadAllAsync(TextReader csv, CancellationToken cancellationToken)
    {
        await using var reader = CsvReader.Create(csv, null, leaveOpen: true);
        await reader.ReadHeaderAsync(cancellationToken);
        var headers = reader.Headers.Select(h => h.Trim()).ToList();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Count; i++)
            {
                cells[headers[i]] = i < reader.FieldCount ? reader.GetString(i) : string.Empty;
            }

            rows.Add(cells);
        }

        return (headers, rows);
    }
}
