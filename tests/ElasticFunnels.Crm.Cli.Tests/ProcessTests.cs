using System.Text;
using System.Text.Json;
using ElasticFunnels.Crm.Cli.Tests.Support;

namespace ElasticFunnels.Crm.Cli.Tests;

/// <summary>efcrm as a real process: output, terminals and NO_COLOR, Ctrl-C, a kill in the middle of an import.</summary>
public sealed class ProcessTests
{
    /// <summary>A colour or style escape (SGR). The runtime itself switches a terminal's keypad mode; that is no colour.</summary>
    private static readonly System.Text.RegularExpressions.Regex Colour = new(@"\u001b\[[0-9;]*m");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Leads(int rows)
    {
        var csv = new StringBuilder("reference_id,title,deal_value\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append("ref-").Append(i).Append(",Lead ").Append(i).Append(',').Append(i).Append('\n');
        }

        return csv.ToString();
    }

    [Fact]
    public async Task Process_HelpSchemaAndEntries_JsonParsedNoEscapeCodes()
    {
        await using var cli = await CliTestContext.StartAsync();

        var help = await cli.RunProcessAsync("--help");
        var schema = await cli.RunProcessAsync("schema", "leads", "--json");
        var created = await cli.RunProcessAsync("entries", "create", "--entity", "leads", "--title", "Jane", "--set", "deal_value=-5", "--json");
        var list = await cli.RunProcessAsync("entries", "list", "--entity", "leads");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:\n  efcrm [command] [options]", help.Out, StringComparison.Ordinal);
        Assert.Equal("leads", schema.Json.GetProperty("entity").GetProperty("slug").GetString());
        Assert.Equal(-5, created.Json.GetProperty("values").GetProperty("deal_value").GetInt32());
        Assert.Contains("Jane", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', help.All + schema.All + created.All + list.All);
    }

    [Fact]
    public async Task Process_OnATerminal_ColourUnlessNoColor()
    {
        await using var cli = await CliTestContext.StartAsync();

        // `script` gives the process a pseudo-terminal, as an interactive shell would.
        var coloured = await RunOnTerminalAsync(cli, null, "entities list");
        var plain = await RunOnTerminalAsync(cli, "1", "entities list");

        Assert.Matches(Colour, coloured);
        Assert.Contains("Leads", plain, StringComparison.Ordinal);
        Assert.DoesNotMatch(Colour, plain);
    }

    [Fact]
    public async Task Process_ImportOnATerminal_ProgressBarOnlyWithoutNoColor()
    {
        await using var cli = await CliTestContext.StartAsync();
        cli.WriteFile("a.csv", Leads(30));
        cli.WriteFile("b.csv", Leads(30));

        var animated = await RunOnTerminalAsync(cli, null, "import a.csv --entity leads");
        var still = await RunOnTerminalAsync(cli, "1", "import b.csv --entity leads --results b.results.jsonl");

        Assert.Contains("Importing 30 rows into 'leads' (1)", animated, StringComparison.Ordinal);
        Assert.Contains("\u001b[?25l", animated, StringComparison.Ordinal); // the bar hides the cursor while it draws
        Assert.DoesNotContain("Importing 30 rows", still, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[?25l", still, StringComparison.Ordinal);
        Assert.DoesNotMatch(Colour, still);
        Assert.Contains("Created", still, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_CtrlCDuringImport_StopsCleanlyReportsWhatWasWrittenAndResumes()
    {
        await using var cli = await CliTestContext.StartAsync();
        var (file, results) = (cli.PathOf("leads.csv"), cli.PathOf("leads.csv.results.jsonl"));

        using (var import = await StartSlowImportAsync(cli))
        {
            import.Interrupt();
            var stopped = await import.WaitAsync(Ct);

            Assert.True(stopped.ExitCode == 130, stopped.ToString());
            var written = ResultLines.All(results).Count;
            Assert.Contains($"Cancelled: {written} rows written, 0 failed, {400 - written} not sent. Resume with: efcrm import {file} --entity leads --upsert-by reference --resume", stopped.Error, StringComparison.Ordinal);
            Assert.Equal(written, cli.Emulator.EntryCount(1)); // everything written is recorded: nothing was in flight unrecorded
        }

        var resumed = await cli.RunProcessAsync("import", file, "--entity", "leads", "--upsert-by", "reference", "--reference-type", "import", "--resume");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(400, cli.Emulator.EntryCount(1));
        Assert.Equal(Enumerable.Range(1, 400), ResultLines.ByRow(results).Keys.Order());
        Assert.Equal(400, ResultLines.All(results).Count);
    }

    [Fact]
    public async Task Process_KilledMidImport_ResumedByReferenceStoresNoRowTwiceAndAccountsForEveryRow()
    {
        await using var cli = await CliTestContext.StartAsync();
        var (file, results) = (cli.PathOf("leads.csv"), cli.PathOf("leads.csv.results.jsonl"));

        using (var import = await StartSlowImportAsync(cli))
        {
            import.KillHard();
            await import.WaitAsync(Ct);
        }

        var recordedBeforeKill = ResultLines.All(results).Count;
        Assert.InRange(recordedBeforeKill, 32, 399);
        var resumed = await cli.RunProcessAsync("import", file, "--entity", "leads", "--upsert-by", "reference", "--reference-type", "import", "--resume", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(recordedBeforeKill, resumed.Json.GetProperty("skipped").GetInt32());
        var entries = await cli.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(400, entries.Count);
        Assert.Equal(400, entries.Select(e => e.ReferenceId).Distinct().Count());
        var rows = ResultLines.ByRow(results);
        Assert.Equal(Enumerable.Range(1, 400), rows.Keys.Order());
        Assert.All(rows.Values, line => Assert.NotEqual("failed", line.Status()));
    }

    [Fact]
    public async Task Process_Emulator_PrintsSettingsServesOtherProcessesAndStopsOnCtrlC()
    {
        await using var cli = await CliTestContext.StartAsync(seed: false);
        using var emulator = cli.StartProcess("emulator", "--seed", "--json");
        await emulator.WaitForOutputAsync(o => o.Contains('}', StringComparison.Ordinal), Ct);
        var settings = JsonDocument.Parse(emulator.Out).RootElement;
        cli.Environment["EF_BASE_URL"] = settings.GetProperty("base_url").GetString();
        cli.Environment["EF_ACCESS_KEY"] = settings.GetProperty("access_key").GetString();
        cli.Environment["EF_BRAND_ID"] = settings.GetProperty("brand_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var schema = await cli.RunProcessAsync("schema", "leads", "--json");
        emulator.Interrupt();
        var stopped = await emulator.WaitAsync(Ct);

        Assert.Equal(5, schema.Json.GetProperty("fields").GetArrayLength());
        Assert.StartsWith("http://127.0.0.1:", cli.Environment["EF_BASE_URL"], StringComparison.Ordinal);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains("Emulator stopped.", stopped.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Starts importing leads.csv (400 rows, upserted by reference) against an emulator that answers each
    /// request after 40 ms, and returns once the results file records at least one batch: mid-import.
    /// </summary>
    private static async Task<CliProcess> StartSlowImportAsync(CliTestContext cli)
    {
        cli.Emulator.Latency = TimeSpan.FromMilliseconds(40);
        var file = cli.WriteFile("leads.csv", Leads(400));
        var results = file + ".results.jsonl";
        var import = cli.StartProcess("import", file, "--entity", "leads", "--upsert-by", "reference", "--reference-type", "import");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (!File.Exists(results) || ResultLines.All(results).Count < 32)
        {
            await Task.Delay(10, timeout.Token);
        }

        return import;
    }

    /// <summary>Runs efcrm under a pseudo-terminal and returns everything it drew.</summary>
    private static async Task<string> RunOnTerminalAsync(CliTestContext cli, string? noColor, string arguments)
    {
        var environment = new Dictionary<string, string?>(cli.Environment) { ["NO_COLOR"] = noColor, ["TERM"] = "xterm-256color" };
        using var script = CliProcessOnTerminal.Start(environment, cli.Directory, $"dotnet {CliProcess.Dll} {arguments}");
        var result = await script.WaitAsync(Ct);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Out;
    }
}
