using System.CommandLine;
using System.Globalization;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Import;
using ElasticFunnels.Crm.Cli.Values;
using Spectre.Console;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary><c>efcrm import &lt;file&gt; --entity …</c>: CSV or JSON Lines into entries, checked, resumable.</summary>
internal static class ImportCommand
{
    public static Command Build(CommandKit kit)
    {
        var file = new Argument<string>("file") { Description = "A CSV file with a header row (.csv), or JSON Lines (.jsonl) as `efcrm export --format jsonl` writes." };
        var entity = new Option<string>("--entity", "-e") { Description = "Entity id or slug.", Required = true };
        var upsertBy = new Option<string?>("--upsert-by") { Description = "reference: update the entry with the row's reference_type + reference_id instead of creating another; a re-run or resumed import never stores a row twice." };
        upsertBy.AcceptOnlyFromAmong("reference");
        var referenceType = new Option<string?>("--reference-type") { Description = "Reference type for rows whose reference_type is empty." };
        var pipeline = new Option<string?>("--pipeline") { Description = "Put every row in this pipeline (id or name), whatever its pipeline_id says." };
        var stage = new Option<string?>("--stage") { Description = "Put every row in this stage (id or name), whatever its stage_id says." };
        var results = new Option<string?>("--results") { Description = "Results file, one JSON line per row (default: <file>.results.jsonl)." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted import: rows the results file accounts for are not sent again." };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "With --resume, also send the rows that failed before." };
        var format = new Option<string?>("--format") { Description = "csv or jsonl (default: from the file's extension)." };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var delimiter = new Option<string?>("--delimiter") { Description = "CSV delimiter: , ; tab or | (default: detected from the header)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once, 1 to 64.", DefaultValueFactory = _ => 8 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row against the entity's fields; send nothing." };
        var ignoreUnknown = new Option<bool>("--ignore-unknown-columns") { Description = "Skip columns that are not fields instead of refusing the file." };
        var noGuard = new Option<bool>("--no-formula-guard") { Description = "Take cells starting with ' as they are (the file was not exported with the spreadsheet formula guard)." };

        var import = kit.Command("import", "Import entries from CSV or JSON Lines: every row checked against the entity's fields before it is sent, a results file with one line per row, resumable.",
            "efcrm import leads.csv --entity leads",
            "efcrm import leads.csv --entity leads --upsert-by reference --reference-type import",
            "efcrm import leads.csv --entity leads --upsert-by reference --resume     # after Ctrl-C or a crash",
            "efcrm import export.jsonl --entity leads --stage \"New Lead\"",
            "efcrm import leads.csv --entity leads --dry-run");
        import.Add(file);
        foreach (var option in new Option[] { entity, upsertBy, referenceType, pipeline, stage, results, resume, retryFailed, format, delimiter, concurrency, dryRun, ignoreUnknown, noGuard })
        {
            import.Add(option);
        }

        kit.Action(import, async (c, ct) =>
        {
            var path = c.Get(file);
            var inFlight = c.Get(concurrency);
            if (inFlight is < 1 or > 64)
            {
                throw new CliUsageException($"--concurrency must be 1 to 64 (was {inFlight}).");
            }

            if (c.Get(retryFailed) && !c.Get(resume))
            {
                throw new CliUsageException("--retry-failed goes with --resume.");
            }

            // The file is checked before anything is sent or even read from the API.
            var source = await ImportFile.OpenAsync(path, c.Get(format), c.Get(delimiter), ct);
            var dry = c.Get(dryRun);
            var resultsPath = c.Get(results) ?? path + ".results.jsonl";
            if (!dry && File.Exists(resultsPath) && !c.Get(resume))
            {
                throw new CliUsageException($"{resultsPath} exists: it records an earlier import of this file. Pass --resume to continue it, or --results to write elsewhere.");
            }

            var target = await EntityTarget.LoadAsync(c, c.Get(entity), ct);
            var placement = c.Get(pipeline) is not null || c.Get(stage) is not null ? target.Placement(c.Get(pipeline), c.Get(stage)) : ((long?, long?)?)null;
            var settings = new ImportSettings
            {
                UpsertByReference = c.Get(upsertBy) is not null,
                DefaultReferenceType = c.Get(referenceType),
                Placement = placement,
                RestoreFormulas = !c.Get(noGuard),
                IgnoreUnknownColumns = c.Get(ignoreUnknown),
            };
            var columns = source.Format == ImportFormat.Csv ? ColumnMap.Build(source.Header, target, settings) : null;
            foreach (var ignored in columns?.Ignored ?? [])
            {
                c.Output.Warn($"column '{ignored}' is not a field of entity {target.Label}; it is skipped.");
            }

            var total = await source.CountAsync(ct);
            var done = c.Get(resume) ? ResultsFile.Read(resultsPath) : [];
            if (c.Get(resume) && done.Count == 0)
            {
                c.Output.Warn($"{resultsPath} records no rows yet; importing from the first row.");
            }

            using var resultsFile = dry ? null : ResultsFile.Open(resultsPath, append: c.Get(resume));
            var importer = new Importer(c.Api, target.Entity.Id, settings, new RowConverter(target, settings, columns), inFlight, c.Redact);
            var verb = dry ? "Checking" : "Importing";
            void Invalid(RowResult row) => c.Output.Info($"row {row.Row} (line {row.Line}): {row.Error}");
            ImportSummary summary;
            if (c.Host.Animate && !c.Output.Json)
            {
                summary = await c.Output.CreateErrorConsole().Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask(Markup.Escape($"{verb} {total} rows into {target.Label}"), maxValue: Math.Max(1, total));
                        var result = await importer.RunAsync(source, done, c.Get(retryFailed), resultsFile, new BarProgress(task), Invalid, ct);
                        task.Value = task.MaxValue;
                        return result;
                    });
            }
            else
            {
                if (c.Verbose)
                {
                    c.Output.Info($"{verb} {total} rows of {path} into {target.Label}.");
                }

                summary = await importer.RunAsync(source, done, c.Get(retryFailed), resultsFile, NoProgress.Instance, Invalid, ct);
            }

            Report(c, summary, path, dry ? null : resultsPath, dry);
            if (summary.Cancelled)
            {
                c.Output.Info($"Cancelled: {summary.Written} rows written, {summary.Failed} failed, {summary.NotSent} not sent. "
                    + $"Resume with: efcrm import {path} --entity {c.Get(entity)}{(settings.UpsertByReference ? " --upsert-by reference" : string.Empty)} --resume"
                    + (settings.UpsertByReference ? string.Empty : " (without --upsert-by reference, a row that was in flight when the import stopped may be stored twice)"));
                return ExitCodes.Cancelled;
            }

            return summary.Failed + summary.SkippedFailed > 0 ? ExitCodes.RowsFailed : ExitCodes.Ok;
        });
        return import;
    }

    private static void Report(CommandContext c, ImportSummary s, string path, string? resultsPath, bool dryRun)
    {
        if (c.Output.Json)
        {
            c.Output.WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteString("file", path);
                json.WriteString("results_file", resultsPath);
                json.WriteBoolean("dry_run", dryRun);
                json.WriteNumber("rows", s.Rows);
                json.WriteNumber("created", s.Created);
                json.WriteNumber("updated", s.Updated);
                json.WriteNumber("failed", s.Failed);
                json.WriteNumber("valid", s.Valid);
                json.WriteNumber("skipped", s.Skipped);
                json.WriteNumber("skipped_failed", s.SkippedFailed);
                json.WriteNumber("not_sent", s.NotSent);
                json.WriteBoolean("cancelled", s.Cancelled);
                json.WriteEndObject();
            });
            return;
        }

        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string?>> { new[] { "Rows in the file", N(s.Rows) } };
        if (dryRun)
        {
            rows.Add(["Valid", N(s.Valid)]);
            rows.Add(["Invalid", N(s.Failed)]);
        }
        else
        {
            rows.Add(["Created", N(s.Created)]);
            rows.Add(["Updated", N(s.Updated)]);
            rows.Add(["Failed", N(s.Failed)]);
        }

        if (s.Skipped > 0)
        {
            rows.Add(["Already done (--resume)", N(s.Skipped)]);
        }

        if (s.NotSent > 0)
        {
            rows.Add(["Not sent (cancelled)", N(s.NotSent)]);
        }

        c.Output.Table(["Import", "Rows"], rows);
        if (resultsPath is not null)
        {
            c.Output.Info($"One line per row in {resultsPath}.");
        }

        if (dryRun && s.Failed > 0)
        {
            c.Output.Info("Run without --dry-run to import the valid rows; the results file will say why each invalid row failed.");
        }
    }
}
