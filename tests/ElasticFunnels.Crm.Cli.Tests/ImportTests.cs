using System.Text.Json;
using ElasticFunnels.Crm.Cli.Tests.Support;

namespace ElasticFunnels.Crm.Cli.Tests;

/// <summary>efcrm import in-process against the emulator: bad rows, bad files, encodings, delimiters, resume, JSON Lines.</summary>
public sealed class ImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "reference_id,title,email,lead_source,company,deal_value";

    private static bool AnyWrite(CliTestContext cli) => cli.Emulator.Requests.Any(r => r.Method is "POST" or "PUT" or "DELETE");

    [Fact]
    public async Task Import_BadRows_EachHasItsOwnErrorEveryGoodRowIsWrittenExitThree()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("leads.csv", $"""
            {Header}
            r1,Good One,one@example.com,Google,Acme,1200.50
            r2,Wrong Type,two@example.com,Google,Acme,a lot
            r3,Unknown Option,three@example.com,TikTok,Acme,1
            r4,Too Many,four@example.com,Google,Acme,1,surplus
            r5,Good Two,five@example.com,Organic,"Initech, S.L.",-5
            """);

        var result = await cli.RunAsync("import", file, "--entity", "leads");

        Assert.Equal(3, result.ExitCode);
        var rows = ResultLines.ByRow(file + ".results.jsonl");
        Assert.Equal([1, 2, 3, 4, 5], rows.Keys.Order());
        Assert.Equal("created", rows[1].Status());
        Assert.Equal("created", rows[5].Status());
        Assert.Equal("failed", rows[2].Status());
        Assert.Contains("'deal_value' is a number field: expected a number", rows[2].Error(), StringComparison.Ordinal);
        Assert.Contains("'lead_source' must be one of Facebook, Google, Organic, Referral (was \"TikTok\")", rows[3].Error(), StringComparison.Ordinal);
        Assert.Contains("the row has 7 cells but the header has 6 columns", rows[4].Error(), StringComparison.Ordinal);
        Assert.Equal(5, rows[4].GetProperty("line").GetInt32());
        Assert.Equal(2, cli.Emulator.EntryCount(1));
        var entries = await cli.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(["Good One", "Good Two"], entries.Select(e => e.Title).Order());
        Assert.Equal("Initech, S.L.", entries.Single(e => e.Title == "Good Two").Values.GetString("company"));
        Assert.Equal(2, cli.Emulator.Requests.Count(r => r.Method == "POST"));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("", true)]
    [InlineData("\n\n  \n", false)]
    public async Task Import_EmptyFile_UsageErrorAndNothingSent(string content, bool byteOrderMark)
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("empty.csv", content, byteOrderMark);

        var result = await cli.RunAsync("import", file, "--entity", "leads");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is empty", result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.Emulator.Requests);
        Assert.False(File.Exists(file + ".results.jsonl"));
    }

    [Fact]
    public async Task Import_MissingFile_UsageError()
    {
        await using var cli = await CliTestContext.StartAsync();

        var result = await cli.RunAsync("import", cli.PathOf("nope.csv"), "--entity", "leads");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingRequiredColumns_UsageErrorNamingThemAndNothingWritten()
    {
        await using var cli = await CliTestContext.StartAsync();
        await cli.Client.Fields.CreateAsync(1, new FieldCreateRequest { Key = "country", Name = "Country", Type = FieldType.Text, Required = true }, Ct);
        var file = cli.WriteFile("leads.csv", "email,company\nx@example.com,Acme\n");

        var result = await cli.RunAsync("import", file, "--entity", "leads", "--upsert-by", "reference");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'title' (every entry needs one)", result.Error, StringComparison.Ordinal);
        Assert.Contains("'reference_id' (--upsert-by reference finds entries by it)", result.Error, StringComparison.Ordinal);
        Assert.Contains("'reference_type' (or pass --reference-type)", result.Error, StringComparison.Ordinal);
        Assert.Contains("'country' (a required field of entity 'leads' (1))", result.Error, StringComparison.Ordinal);
        Assert.False(AnyWrite(cli) && cli.Emulator.Requests.Count(r => r.Method == "POST") > 1);
        Assert.Single(cli.Emulator.Requests, r => r.Method == "POST"); // the field created above, nothing else
        Assert.False(File.Exists(file + ".results.jsonl"));
    }

    [Fact]
    public async Task Import_UnknownColumn_RefusedUnlessIgnored()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("leads.csv", "title,shoe_size,id,created_at\nJane,42,old-id,2024-01-01T00:00:00Z\n");

        var refused = await cli.RunAsync("import", file, "--entity", "leads");
        var ignored = await cli.RunAsync("import", file, "--entity", "leads", "--ignore-unknown-columns");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Column 'shoe_size' is not a field of entity 'leads' (1)", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, ignored.ExitCode);
        Assert.Contains("column 'shoe_size' is not a field", ignored.Error, StringComparison.Ordinal);
        Assert.Equal(1, cli.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task Import_Utf8ByteOrderMark_ReadsTheFirstColumnNormally()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("bom.csv", "title,company\r\nZoë Ångström,日本 😀\r\n", byteOrderMark: true);
        Assert.Equal(0xEF, File.ReadAllBytes(file)[0]);

        var result = await cli.RunAsync("import", file, "--entity", "leads");

        Assert.True(result.ExitCode == 0, result.ToString());
        var entry = Assert.Single(await cli.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct));
        Assert.Equal("Zoë Ångström", entry.Title);
        Assert.Equal("日本 😀", entry.Values.GetString("company"));
    }

    [Fact]
    public async Task Import_SemicolonDelimiter_DetectedFromTheHeader()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("semi.csv", "title;company;deal_value\nAcme;Acme, Inc;1200.50\n\"Quoted; title\";\"Say \"\"hi\"\"\";-5\n");

        var result = await cli.RunAsync("import", file, "--entity", "leads");

        Assert.True(result.ExitCode == 0, result.ToString());
        var entries = await cli.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal("Acme, Inc", entries.Single(e => e.Title == "Acme").Values.GetString("company"));
        Assert.Equal("Say \"hi\"", entries.Single(e => e.Title == "Quoted; title").Values.GetString("company"));
        Assert.Equal(-5m, entries.Single(e => e.Title == "Quoted; title").Values.GetDecimal("deal_value"));
    }

    [Fact]
    public async Task Import_DelimiterOption_OverridesDetection()
    {
        await using var cli = await CliTestContext.StartAsync();

        // One column named "title,company" by its commas, unless the delimiter is chosen.
        var file = cli.WriteFile("tabs.tsv", "title\tcompany\nA, B\tC; D\n");
        var result = await cli.RunAsync("import", file, "--entity", "leads", "--delimiter", "tab");
        var semicolon = cli.WriteFile("forced.csv", "title;company\nA,B;C\n");
        var forced = await cli.RunAsync("import", semicolon, "--entity", "leads", "--delimiter", ";");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(forced.ExitCode == 0, forced.ToString());
        var entries = await cli.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal("C; D", entries.Single(e => e.Title == "A, B").Values.GetString("company"));
        Assert.Equal("C", entries.Single(e => e.Title == "A,B").Values.GetString("company"));
    }

    [Fact]
    public async Task Import_QuotedCellsWithLineBreaks_OneRowAndTheRightLineNumbers()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("multi.csv", "title,company,deal_value\r\n\"Two\r\nlines\",\"a, \"\"b\"\"\",1\r\nBad,x,oops\r\n");

        var result = await cli.RunAsync("import", file, "--entity", "leads");

        Assert.Equal(3, result.ExitCode);
        var rows = ResultLines.ByRow(file + ".results.jsonl");
        Assert.Equal(2, rows[1].GetProperty("line").GetInt32());
        Assert.Equal(4, rows[2].GetProperty("line").GetInt32());
        var entry = Assert.Single(await cli.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct));
        Assert.Equal("Two\r\nlines", entry.Title);
        Assert.Equal("a, \"b\"", entry.Values.GetString("company"));
    }

    [Fact]
    public async Task Import_ResultsFileExists_RefusedWithoutResume()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("leads.csv", "title\nA\n");
        Assert.Equal(0, (await cli.RunAsync("import", file, "--entity", "leads")).ExitCode);

        var again = await cli.RunAsync("import", file, "--entity", "leads");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Pass --resume to continue it", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, cli.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task Import_Resume_SendsOnlyRowsTheResultsFileDoesNotAccountFor()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("leads.csv", "reference_id,title\nr1,One\nr2,Two\nr3,Three\nr4,Four\n");

        // As a kill would leave it: rows 1 and 2 recorded, row 3 cut short mid-line.
        File.WriteAllText(file + ".results.jsonl",
            """{"row":1,"line":2,"status":"created","entry_id":"x1","reference_id":"r1","error":null}""" + "\n"
            + """{"row":2,"line":3,"status":"failed","entry_id":null,"reference_id":"r2","error":"boom"}""" + "\n"
            + """{"row":3,"line":4,"stat""");

        var result = await cli.RunAsync("import", file, "--entity", "leads", "--upsert-by", "reference", "--reference-type", "import", "--resume", "--json");

        Assert.Equal(3, result.ExitCode); // row 2 is still recorded as failed
        var summary = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(4, summary.GetProperty("rows").GetInt32());
        Assert.Equal(2, summary.GetProperty("created").GetInt32());
        Assert.Equal(2, summary.GetProperty("skipped").GetInt32());
        Assert.Equal(1, summary.GetProperty("skipped_failed").GetInt32());
        Assert.Equal(["Four", "Three"], (await cli.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct)).Select(e => e.Title).Order());
        var rows = ResultLines.ByRow(file + ".results.jsonl");
        Assert.Equal([1, 2, 3, 4], rows.Keys.Order());
        Assert.Equal("created", rows[3].Status());

        var retried = await cli.RunAsync("import", file, "--entity", "leads", "--upsert-by", "reference", "--reference-type", "import", "--resume", "--retry-failed");

        Assert.True(retried.ExitCode == 0, retried.ToString());
        Assert.Equal("created", ResultLines.ByRow(file + ".results.jsonl")[2].Status());
        Assert.Equal(3, cli.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task Import_UpsertByReferenceTwice_SecondRunUpdatesAndStoresNothingTwice()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("leads.csv", "reference_type,reference_id,title,deal_value\nconv,c1,One,1\nconv,c2,Two,2\nconv,c1,One again,3\n");

        var first = await cli.RunAsync("import", file, "--entity", "leads", "--upsert-by", "reference", "--json");
        var second = await cli.RunAsync("import", file, "--entity", "leads", "--upsert-by", "reference", "--results", cli.PathOf("second.jsonl"), "--json");

        Assert.Equal(2, first.Json.GetProperty("created").GetInt32());
        Assert.Equal(1, first.Json.GetProperty("updated").GetInt32());
        Assert.Equal(0, second.Json.GetProperty("created").GetInt32());
        Assert.Equal(3, second.Json.GetProperty("updated").GetInt32());
        Assert.Equal(2, cli.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task Import_JsonLines_ExactValuesAndBadLinesAsFailedRows()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("leads.jsonl", """
            {"title":"Jane","reference_type":"conv","reference_id":"j1","stage_id":3,"values":{"deal_value":1200.50,"lead_source":"Google","email":null}}
            not json

            [1,2]
            {"title":"Bad","values":{"deal_value":"lots"}}
            {"id":"ignored","title":"Plain","created_at":"2024-01-01T00:00:00Z","values":{}}
            """);

        var result = await cli.RunAsync("import", file, "--entity", "leads", "--json");

        Assert.Equal(3, result.ExitCode);
        var rows = ResultLines.ByRow(file + ".results.jsonl");
        Assert.Equal(["created", "failed", "failed", "failed", "created"], rows.OrderBy(r => r.Key).Select(r => r.Value.Status()));
        Assert.Contains("not valid JSON", rows[2].Error(), StringComparison.Ordinal);
        Assert.Equal(4, rows[3].GetProperty("line").GetInt32());
        Assert.Contains("'deal_value' is a number field", rows[4].Error(), StringComparison.Ordinal);
        var jane = (await cli.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { ReferenceId = "j1" }, Ct).ToListAsync(Ct)).Single();
        Assert.Equal(3, jane.StageId);
        Assert.Equal("1200.50", jane.Values["deal_value"].GetRawText());
    }

    [Fact]
    public async Task Import_DryRun_ChecksEveryRowSendsNothingWritesNoResults()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("leads.csv", "title,deal_value\nOk,1\nBad,x\n");

        var result = await cli.RunAsync("import", file, "--entity", "leads", "--dry-run", "--json");

        Assert.Equal(3, result.ExitCode);
        var summary = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(1, summary.GetProperty("valid").GetInt32());
        Assert.Equal(1, summary.GetProperty("failed").GetInt32());
        Assert.Contains("row 2 (line 3): 'deal_value' is a number field", result.Error, StringComparison.Ordinal);
        Assert.False(AnyWrite(cli));
        Assert.False(File.Exists(file + ".results.jsonl"));
    }

    [Fact]
    public async Task Import_StageOption_PutsEveryRowThereAndBadPlacementColumnsFailTheirRow()
    {
        await using var cli = await CliTestContext.StartAsync();
        var partners = await cli.Client.Pipelines.CreateAsync(1, new PipelineCreateRequest { Name = "Partners" }, Ct);
        var partnerStage = await cli.Client.Stages.CreateAsync(partners.Id, new StageCreateRequest { Name = "Intro" }, Ct);
        var file = cli.WriteFile("leads.csv", $"title,pipeline_id,stage_id\nA,1,2\nB,1,{partnerStage.Id}\nC,,{partnerStage.Id}\nD,x,\n");
        var forced = cli.WriteFile("forced.csv", "title,pipeline_id,stage_id\nE,1,2\n");

        var result = await cli.RunAsync("import", file, "--entity", "leads");
        var all = await cli.RunAsync("import", forced, "--entity", "leads", "--stage", "Qualified");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(0, all.ExitCode);
        var rows = ResultLines.ByRow(file + ".results.jsonl");
        Assert.Equal("created", rows[1].Status());
        Assert.Contains($"stage {partnerStage.Id} is not a stage of pipeline 1 'Sales Pipeline'", rows[2].Error(), StringComparison.Ordinal);
        Assert.Equal("created", rows[3].Status());
        Assert.Contains("pipeline_id must be a positive whole number (was \"x\")", rows[4].Error(), StringComparison.Ordinal);
        var entries = await cli.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(2, entries.Single(e => e.Title == "A").StageId);
        Assert.Equal(partnerStage.Id, entries.Single(e => e.Title == "C").StageId);
        Assert.Equal(partners.Id, entries.Single(e => e.Title == "C").PipelineId);
        Assert.Equal(3, entries.Single(e => e.Title == "E").StageId);
    }

    [Fact]
    public async Task Import_ApiRefusesARow_RowFailsWithTheApiMessageOthersWritten()
    {
        await using var cli = await CliTestContext.StartAsync();
        var file = cli.WriteFile("leads.csv", "title,email\nGood,good@example.com\nBad,not-an-email\n");

        var result = await cli.RunAsync("import", file, "--entity", "leads", "--concurrency", "1");

        Assert.Equal(3, result.ExitCode);
        var rows = ResultLines.ByRow(file + ".results.jsonl");
        Assert.Equal("created", rows[1].Status());
        Assert.Contains("the API refused the row (422)", rows[2].Error(), StringComparison.Ordinal);
        Assert.Contains("values.email", rows[2].Error(), StringComparison.Ordinal);
    }
}
