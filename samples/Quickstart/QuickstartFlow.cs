using ElasticFunnels.Crm;
using Spectre.Console;

namespace Quickstart;

/// <summary>
/// The main job end to end against any CRM server: ensure the Leads schema, upsert sample conversions
/// by reference (twice, to show that reruns create no duplicates), move some along the pipeline,
/// page through every entry and print the board.
/// </summary>
public static class QuickstartFlow
{
    public const string ReferenceType = "conversion";

    public static async Task<QuickstartResult> RunAsync(IElasticFunnelsCrmClient crm, TextWriter output, CancellationToken cancellationToken = default) =>
        await RunAsync(crm, output, new QuickstartOptions(), cancellationToken);

    public static async Task<QuickstartResult> RunAsync(IElasticFunnelsCrmClient crm, TextWriter output, QuickstartOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);

        output.WriteLine("1. Leads entity and its schema");
        var schema = await LeadsSchema.EnsureAsync(crm, output, cancellationToken);
        var entityId = schema.Entity.Id;

        output.WriteLine($"2. Upsert {SampleConversion.All.Count} conversions by reference ({ReferenceType})");
        var entries = await UpsertAllAsync(crm, schema, output, cancellationToken);
        var created = entries.Count(e => e.Created);

        output.WriteLine("3. Upsert the same conversions again: nothing new may appear");
        var before = await CountAsync(crm, entityId, cancellationToken);
        var again = await UpsertAllAsync(crm, schema, TextWriter.Null, cancellationToken);
        var after = await CountAsync(crm, entityId, cancellationToken);
        output.WriteLine($"  entries before: {before}, after: {after}; created {again.Count(e => e.Created)}, updated {again.Count(e => !e.Created)}"
            + (before == after ? " (no duplicates)" : " (the count changed: another writer, or the search index is still catching up)"));

        output.WriteLine("4. Move leads along the pipeline");
        await MoveAlongAsync(crm, schema, again, output, cancellationToken);

        output.WriteLine($"5. Page through every entry ({options.PageSize} per page)");
        var (listed, perStage) = await WalkAsync(crm, entityId, options, output, cancellationToken);

        output.WriteLine("6. Pipeline board");
        var board = schema.Stages.Select(s => new BoardColumn(s.Id, s.Name, perStage.GetValueOrDefault(s.Id))).ToList();
        WriteBoard(output, schema, board, listed);

        return new QuickstartResult
        {
            EntityId = entityId,
            PipelineId = schema.Pipeline.Id,
            Created = created,
            EntriesBeforeRepeat = before,
            EntriesAfterRepeat = after,
            EntriesListed = listed,
            Board = board,
        };
    }

    private static async Task<List<EntryUpsertResult>> UpsertAllAsync(IElasticFunnelsCrmClient crm, LeadsSchema schema, TextWriter output, CancellationToken cancellationToken)
    {
        var results = new List<EntryUpsertResult>();
        foreach (var conversion in SampleConversion.All)
        {
            var result = await crm.Entries.UpsertByReferenceAsync(schema.Entity.Id, ToRequest(conversion, schema), cancellationToken);
            output.WriteLine($"  {(result.Created ? "created" : "updated")} {conversion.ConversionCode} → entry {result.Entry.Id} '{result.Entry.Title}'");
            results.Add(result);
        }

        return results;
    }

    private static EntryCreateRequest ToRequest(SampleConversion conversion, LeadsSchema schema)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (key, value) in new[] { ("email", conversion.Email), ("phone", conversion.Phone), ("lead_source", conversion.UtmSource) })
        {
            if (schema.Fit(key, value) is { } fitted)
            {
                values[key] = fitted;
            }
        }

        foreach (var (key, value) in schema.PlaceholdersForRequiredFields(values.Keys))
        {
            values[key] = value;
        }

        return new EntryCreateRequest
        {
            Title = conversion.Title,
            PipelineId = schema.Pipeline.Id,
            StageId = schema.Stages[0].Id,
            ReferenceType = ReferenceType,
            ReferenceId = conversion.ConversionCode,
            Values = values,
        };
    }

    /// <summary>Moves forward only, so a rerun (or a lead a person already advanced) is left where it is.</summary>
    private static async Task MoveAlongAsync(IElasticFunnelsCrmClient crm, LeadsSchema schema, List<EntryUpsertResult> upserted, TextWriter output, CancellationToken cancellationToken)
    {
        for (var i = 0; i < SampleConversion.All.Count; i++)
        {
            var conversion = SampleConversion.All[i];
            var entry = upserted[i].Entry;
            var target = schema.Stages[Math.Min(conversion.TargetStageIndex, schema.Stages.Count - 1)];
            var current = schema.Stages.ToList().FindIndex(s => s.Id == entry.StageId);
            var targetIndex = schema.Stages.ToList().IndexOf(target);
            if (entry.PipelineId != schema.Pipeline.Id || current < 0)
            {
                output.WriteLine($"  {entry.Title}: in another pipeline, left alone");
            }
            else if (current >= targetIndex)
            {
                output.WriteLine($"  {entry.Title}: stays in {schema.Stages[current].Name}");
            }
            else
            {
                await crm.Entries.MoveToStageAsync(schema.Entity.Id, entry.Id, target.Id, cancellationToken);
                output.WriteLine($"  {entry.Title}: {schema.Stages[current].Name} → {target.Name}");
            }
        }
    }

    private static async Task<(int Listed, Dictionary<long, int> PerStage)> WalkAsync(IElasticFunnelsCrmClient crm, long entityId, QuickstartOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var perStage = new Dictionary<long, int>();
        var listed = 0;
        await foreach (var entry in crm.Entries.ListAutoPagingAsync(entityId, new EntryListOptions { PerPage = options.PageSize }, cancellationToken))
        {
            listed++;
            if (entry.StageId is { } stageId)
            {
                perStage[stageId] = perStage.GetValueOrDefault(stageId) + 1;
            }

            if (listed <= options.MaxPrintedEntries)
            {
                output.WriteLine($"  page {((listed - 1) / options.PageSize) + 1}: {entry.Title} ({entry.Id})");
            }
        }

        if (listed > options.MaxPrintedEntries)
        {
            output.WriteLine($"  ... and {listed - options.MaxPrintedEntries} more");
        }

        return (listed, perStage);
    }

    private static async Task<long> CountAsync(IElasticFunnelsCrmClient crm, long entityId, CancellationToken cancellationToken) =>
        (await crm.Entries.ListAsync(entityId, new EntryListOptions { PerPage = 1 }, cancellationToken)).Total;

    private static void WriteBoard(TextWriter output, LeadsSchema schema, IReadOnlyList<BoardColumn> board, int listed)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });

        var table = new Table().Title(Markup.Escape($"{schema.Entity.Name} · {schema.Pipeline.Name}"));
        table.AddColumn("Stage");
        table.AddColumn(new TableColumn("Entries").RightAligned());
        foreach (var column in board)
        {
            table.AddRow(Markup.Escape(column.StageName), column.Entries.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var elsewhere = listed - board.Sum(c => c.Entries);
        if (elsewhere > 0)
        {
            table.AddRow("[grey](other pipelines)[/]", elsewhere.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]Total[/]", $"[bold]{listed}[/]");
        console.Write(table);
    }
}
