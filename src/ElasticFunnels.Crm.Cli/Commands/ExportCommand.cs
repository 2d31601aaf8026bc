using System.CommandLine;
using System.Globalization;
using System.Text;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Export;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary>
/// <c>efcrm export --entity … --format csv|jsonl</c>: the SDK's streaming export, page by page. CSV is
/// written in the round-trip cell format with the spreadsheet formula guard on, so `efcrm import` reads
/// it back exactly.
/// </summary>
internal static class ExportCommand
{
    public static Command Build(CommandKit kit)
    {
        var entity = new Option<string>("--entity", "-e") { Description = "Entity id or slug.", Required = true };
        var format = new Option<string>("--format", "-f") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var output = new Option<string?>("--output", "-o") { Description = "File to write (replaced if it exists); standard output when not given or '-'." };
        var columns = new Option<string[]>("--column") { Description = "CSV: a field key to export, in order; repeat for each (default: every field)." };
        var noGuard = new Option<bool>("--no-formula-guard") { Description = "CSV: write cells that start with = + - @ as they are (unsafe to open in a spreadsheet)." };
        var filters = new EntryFilterOptions();

        var export = kit.Command("export", "Export an entity's entries to CSV or JSON Lines, streaming page by page (constant memory).",
            "efcrm export --entity leads --output leads.csv",
            "efcrm export --entity leads --format jsonl > leads.jsonl",
            "efcrm export --entity leads --stage 4 --column email --column deal_value -o won.csv");
        foreach (var option in new Option[] { entity, format, output, columns, noGuard })
        {
            export.Add(option);
        }

        filters.AddTo(export);

        kit.Action(export, async (c, ct) =>
        {
            var csv = c.Get(format) == "csv";
            var path = c.Get(output) is { } o && o != "-" ? o : null;
            var entityId = await c.EntityIdAsync(c.Get(entity), ct);
            var options = new EntryExportOptions
            {
                Filter = filters.Read(c, EntryListOptions.MaxPerPage),
                Columns = c.Get(columns) is { Length: > 0 } keys ? keys : null,
                CellFormat = CsvCellFormat.RoundTrip,
                NeutralizeFormulas = !c.Get(noGuard),
            };

            var destination = path is null ? c.Output.Out : new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);
            var counter = new RecordCountingWriter(destination, csv);
            try
            {
                var rows = csv ? await c.Api.ExportCsvAsync(entityId, counter, options, ct) : await c.Api.ExportJsonLinesAsync(entityId, counter, options, ct);
                await counter.FlushAsync(CancellationToken.None);
                Report(c, rows, path, c.Get(format));
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await counter.FlushAsync(CancellationToken.None);
                var rows = Math.Max(0, counter.Records - (csv ? 1 : 0));
                c.Output.Info(string.Create(CultureInfo.InvariantCulture, $"Cancelled: {rows} complete entries written to {path ?? "standard output"} (the file ends after the last complete row)."));
                return ExitCodes.Cancelled;
            }
            finally
            {
                if (path is not null)
                {
                    await destination.DisposeAsync();
                }
            }
        });
        return export;
    }

    private static void Report(CommandContext c, long rows, string? path, string format)
    {
        if (c.Output.Json && path is not null)
        {
            c.Output.WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("entries", rows);
                json.WriteString("file", path);
                json.WriteString("format", format);
                json.WriteEndObject();
            });
        }
        else
        {
            // With the data on standard output, the summary goes to standard error.
            c.Output.Info(string.Create(CultureInfo.InvariantCulture, $"Exported {rows} entries to {path ?? "standard output"}."));
        }
    }
}
