using System.Text.Json;
using ElasticFunnels.Crm.Cli.Tests.Support;

namespace ElasticFunnels.Crm.Cli.Tests;

public sealed class ExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SeedAsync(CliTestContext cli, int count, string title = "Lead")
    {
        var requests = Enumerable.Range(1, count).Select(i => new EntryCreateRequest
        {
            Title = $"{title} {i}",
            PipelineId = 1,
            StageId = i % 2 == 0 ? 2 : 1,
            Values = new FieldValues().Set("deal_value", i).Set("company", i == 1 ? "=1+1" : $"Company {i}"),
        });
        var result = await cli.Client.Entries.CreateManyAsync(1, requests, new BulkOptions { MaxConcurrency = 16 }, Ct);
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task Export_CsvToStandardOutput_EveryEntryGuardedAndSummaryOnStandardError()
    {
        await using var cli = await CliTestContext.StartAsync();
        await SeedAsync(cli, 3);

        var result = await cli.RunAsync("export", "--entity", "leads");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,title,pipeline_id,stage_id,reference_type,reference_id,created_at,updated_at,email,phone,lead_source,company,deal_value", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.EndsWith(",'=1+1,1", StringComparison.Ordinal));
        Assert.Equal("Exported 3 entries to standard output.\n", result.Error);
    }

    [Fact]
    public async Task Export_FiltersAndColumns_OnlyThoseEntriesAndColumns()
    {
        await using var cli = await CliTestContext.StartAsync();
        await SeedAsync(cli, 4);
        var file = cli.PathOf("won.csv");

        var result = await cli.RunAsync("export", "--entity", "1", "--stage", "2", "--column", "deal_value", "--column", "company", "-o", file, "--json");

        Assert.Equal(2, result.Json.GetProperty("entries").GetInt64());
        Assert.Equal(file, result.Json.GetProperty("file").GetString());
        var lines = File.ReadAllLines(file);
        Assert.Equal("id,title,pipeline_id,stage_id,reference_type,reference_id,created_at,updated_at,deal_value,company", lines[0]);
        Assert.Equal(["Lead 2", "Lead 4"], lines.Skip(1).Select(l => l.Split(',')[1]).Order());
        Assert.Contains(cli.Emulator.Requests, r => r.Query.Contains("stage_id=2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_JsonLines_OneObjectPerEntryWithEveryValue()
    {
        await using var cli = await CliTestContext.StartAsync();
        await SeedAsync(cli, 2);

        var result = await cli.RunAsync("export", "--entity", "leads", "--format", "jsonl");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("=1+1", lines.Single(l => l.GetProperty("title").GetString() == "Lead 1").GetProperty("values").GetProperty("company").GetString());
    }

    [Fact]
    public async Task Export_CtrlCBetweenPages_ReportsTheCompleteRowsTheFileHolds()
    {
        await using var cli = await CliTestContext.StartAsync();
        await SeedAsync(cli, 230);
        cli.Emulator.Latency = TimeSpan.FromMilliseconds(300);
        var file = cli.PathOf("partial.csv");
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = cli.RunAsync(string.Empty, interrupt.Token, "export", "--entity", "1", "-o", file);

        // Ctrl-C while the second page is being fetched.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        wait.CancelAfter(TimeSpan.FromMinutes(1));
        while (cli.Emulator.Requests.Count(r => r.Path.EndsWith("/entries", StringComparison.Ordinal) && r.Method == "GET") < 2)
        {
            await Task.Delay(10, wait.Token);
        }

        await interrupt.CancelAsync();
        var result = await run;

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("Cancelled: 100 complete entries written to", result.Error, StringComparison.Ordinal);
        var text = File.ReadAllText(file);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Equal(101, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Export_UnknownEntity_UsageErrorAndNoFile()
    {
        await using var cli = await CliTestContext.StartAsync();

        var result = await cli.RunAsync("export", "--entity", "nope", "-o", cli.PathOf("x.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(cli.PathOf("x.csv")));
    }
}
