using CrmCli;
using ElasticFunnels.Crm;
using ElasticFunnels.Crm.Testing;
using Spectre.Console;

// dotnet run --project samples/CrmCli -- import <file.csv> [--entity leads] [--results results.csv]
// dotnet run --project samples/CrmCli -- export <file.csv> [--entity leads]
// Against the built-in emulator unless EF_ACCESS_KEY and EF_BRAND_ID (and EF_BASE_URL) are set.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

if (args.Length < 2 || args[0] is not ("import" or "export"))
{
    Console.Error.WriteLine("usage: CrmCli import <file.csv> [--entity leads] [--results results.csv]");
    Console.Error.WriteLine("       CrmCli export <file.csv> [--entity leads]");
    return 2;
}

var (command, file) = (args[0], args[1]);
var slug = Option("--entity") ?? "leads";
try
{
    var settings = CliSettings.FromEnvironment();
    await using var emulator = settings is null ? new CrmEmulator() : null;
    using var crm = emulator is null
        ? new ElasticFunnelsCrmClient(settings!)
        : new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = CrmEmulator.InMemoryBaseAddress }, emulator.CreateHandler(), disposeHandler: true);
    if (emulator is not null)
    {
        AnsiConsole.MarkupLine("[grey]EF_ACCESS_KEY is not set: using the built-in emulator, which starts empty and is gone when the command ends.[/]");
    }

    if (command == "import")
    {
        return await ImportAsync(crm, file, slug, Option("--results"), cancel.Token);
    }

    if (emulator is not null)
    {
        // An empty emulator has nothing to export, so fill it from the sample file first.
        AnsiConsole.MarkupLine("[grey]Importing the sample leads.csv into the emulator first.[/]");
        var sample = await CliTarget.FindAsync(crm, slug, createFromPreset: true, TextWriter.Null, cancel.Token);
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "leads.csv"));
        await new CsvImporter(crm).ImportAsync(sample, reader, TextWriter.Null, null, cancel.Token);
    }

    return await ExportAsync(crm, file, slug, cancel.Token);
}
catch (Exception ex) when (ex is CrmException or ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"{command} failed: {CliSettings.Redact(ex.Message)}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine($"{command} cancelled.");
    return 130;
}

static async Task<int> ImportAsync(IElasticFunnelsCrmClient crm, string file, string slug, string? resultsFile, CancellationToken cancellationToken)
{
    var target = await CliTarget.FindAsync(crm, slug, createFromPreset: true, Console.Out, cancellationToken);
    using var reader = new StreamReader(file);
    IReadOnlyList<ImportRowResult> results = [];
    await AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
        .StartAsync(async ctx =>
        {
            ProgressTask? task = null;
            results = await new CsvImporter(crm).ImportAsync(
                target,
                reader,
                Console.Out,
                total =>
                {
                    task = ctx.AddTask($"Importing {total} rows into '{slug}'", maxValue: Math.Max(1, total));
                    return new Progress<ImportRowResult>(_ => task.Increment(1));
                },
                cancellationToken);
            task?.Value = task.MaxValue;
        });

    var table = new Table().AddColumns("Row", "Result", "Entry / reason");
    foreach (var result in results)
    {
        var status = result.Status switch
        {
            ImportRowStatus.Created => "[green]created[/]",
            ImportRowStatus.Updated => "[blue]updated[/]",
            _ => "[red]failed[/]",
        };
        table.AddRow(result.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), status, Markup.Escape(result.EntryId ?? result.Message ?? string.Empty));
    }

    AnsiConsole.Write(table);
    var failed = results.Count(r => r.Status == ImportRowStatus.Failed);
    AnsiConsole.MarkupLine($"{results.Count(r => r.Status == ImportRowStatus.Created)} created, {results.Count(r => r.Status == ImportRowStatus.Updated)} updated, {failed} failed.");
    if (resultsFile is not null)
    {
        await ImportResultsCsv.WriteAsync(resultsFile, results, cancellationToken);
        AnsiConsole.MarkupLine($"Per-row results written to {Markup.Escape(resultsFile)}.");
    }

    return failed == 0 ? 0 : 3;
}

static async Task<int> ExportAsync(IElasticFunnelsCrmClient crm, string file, string slug, CancellationToken cancellationToken)
{
    var target = await CliTarget.FindAsync(crm, slug, createFromPreset: false, Console.Out, cancellationToken);
    await using var output = new StreamWriter(file);
    var rows = await AnsiConsole.Status().StartAsync($"Exporting '{slug}'...", ctx =>
        new CsvExporter(crm).ExportAsync(target, output, n => ctx.Status($"Exporting '{slug}': {n} entries"), cancellationToken));
    AnsiConsole.MarkupLine($"Exported {rows} entries of '{Markup.Escape(slug)}' to {Markup.Escape(file)}.");
    return 0;
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
