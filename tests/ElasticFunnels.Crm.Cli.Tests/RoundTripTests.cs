using System.Text.Json;
using ElasticFunnels.Crm.Cli.Tests.Support;

namespace ElasticFunnels.Crm.Cli.Tests;

/// <summary>
/// import → export → import of every field type gives identical entries, in CSV (with and without the
/// spreadsheet formula guard) and in JSON Lines. The copy goes to a second emulator set up the same way,
/// so pipeline and stage ids mean the same there.
/// </summary>
public sealed class RoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] TagOptions = ["a;b", "c,d", "Say \"hi\"", "back\\slash", " padded ", "=formula", "plain", "ünï"];

    // Quotes, commas, line breaks, non-ASCII, formula-like text, negative and decimal numbers, offsets, JSON.
    private const string Input = """"
        reference_id,title,stage_id,email,phone,lead_source,company,deal_value,notes,site,score,price,vip,born,seen,call_at,tags,meta,colour,parent,related
        r1,"Zoë ""Z"" Ångström, 日本 😀",,zoe@example.com,+15551234567,Google,"Acme, Inc",1200.50,"line1
        line2",https://example.com/a?b=c&d=e,-42,-0.5,true,2024-02-29,2024-12-11T12:00:00+02:00,09:30,"a\;b; c,d; Say ""hi""; back\\slash; \ padded\ ; =formula","{""a"":[1,2,{""b"":null}],""s"":""x, y""}",#ff0000,e-123,e-1; e-2
        r2,"=HYPERLINK(""http://evil.example"")",3,two@example.com,-5551234,Organic,''=literal,-5,'tis,,0,10,false,1999-12-31,2024-12-11T10:00:00Z,23:59:59,plain,"""just a string""",,,
        r3,Minimal,,,,,,,,,,,,,,,,,,,
        r4,@mention,5,,,Referral,-dash,0.000001,+plus,,9007199254740993,1e3,1,2000-01-01,2024-06-01 08:15:00,00:00,ünï; =formula,"[""x"",""y""]",,,
        """";

    private static async Task SetUpAsync(CliTestContext cli)
    {
        var crm = cli.Client;
        var entity = await crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Everything", Slug = "everything", Preset = "leads" }, Ct);
        foreach (var (key, type) in new[]
        {
            ("notes", FieldType.TextArea), ("site", FieldType.Url), ("score", FieldType.Integer), ("price", new FieldType("currency")),
            ("vip", FieldType.Boolean), ("born", FieldType.Date), ("seen", FieldType.DateTime), ("call_at", new FieldType("time")),
            ("tags", FieldType.MultiSelect), ("meta", FieldType.Json), ("colour", FieldType.Color), ("parent", FieldType.Reference),
            ("related", FieldType.MultiReference),
        })
        {
            await crm.Fields.CreateAsync(entity.Id, new FieldCreateRequest
            {
                Key = key,
                Name = key,
                Type = type,
                Options = type == FieldType.MultiSelect ? TagOptions : null,
            }, Ct);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ImportExportImport_Csv_EveryFieldTypeIdentical(bool formulaGuard)
    {
        await using var source = await CliTestContext.StartAsync(seed: false);
        await using var copy = await CliTestContext.StartAsync(seed: false);
        await SetUpAsync(source);
        await SetUpAsync(copy);
        string[] guard = formulaGuard ? [] : ["--no-formula-guard"];
        var input = source.WriteFile("input.csv", Input);

        var imported = await source.RunAsync("import", input, "--entity", "everything", "--upsert-by", "reference", "--reference-type", "import");
        Assert.True(imported.ExitCode == 0, imported.ToString() + File.ReadAllText(input + ".results.jsonl"));
        await AssertInputStoredAsExpectedAsync(source);

        var exported = source.PathOf("export.csv");
        Assert.Equal(0, (await source.RunAsync(["export", "--entity", "everything", "--output", exported, .. guard])).ExitCode);
        var reimported = await copy.RunAsync(["import", exported, "--entity", "everything", "--upsert-by", "reference", .. guard]);
        Assert.True(reimported.ExitCode == 0, reimported.ToString() + File.ReadAllText(exported + ".results.jsonl"));
        await AssertSameEntriesAsync(source, copy);

        var again = copy.PathOf("again.csv");
        Assert.Equal(0, (await copy.RunAsync(["export", "--entity", "everything", "--output", again, .. guard])).ExitCode);
        Assert.Equal(await WithoutServerColumnsAsync(exported), await WithoutServerColumnsAsync(again));

        var text = File.ReadAllText(exported);
        if (formulaGuard)
        {
            Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", text, StringComparison.Ordinal);
            Assert.Contains(",'@mention,", text, StringComparison.Ordinal);
            Assert.Contains(",''=literal,", text, StringComparison.Ordinal);
            Assert.Contains(",'-dash,", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("\"=HYPERLINK(", text, StringComparison.Ordinal);
        }

        Assert.Contains(",-5,", text, StringComparison.Ordinal); // a number is never guarded
    }

    [Fact]
    public async Task ImportExportImport_JsonLines_EveryFieldTypeIdentical()
    {
        await using var source = await CliTestContext.StartAsync(seed: false);
        await using var copy = await CliTestContext.StartAsync(seed: false);
        await SetUpAsync(source);
        await SetUpAsync(copy);
        var input = source.WriteFile("input.csv", Input);
        Assert.Equal(0, (await source.RunAsync("import", input, "--entity", "everything", "--upsert-by", "reference", "--reference-type", "import")).ExitCode);

        var exported = source.PathOf("export.jsonl");
        Assert.Equal(0, (await source.RunAsync("export", "--entity", "everything", "--format", "jsonl", "--output", exported)).ExitCode);
        var reimported = await copy.RunAsync("import", exported, "--entity", "everything", "--upsert-by", "reference");

        Assert.True(reimported.ExitCode == 0, reimported.ToString() + File.ReadAllText(exported + ".results.jsonl"));
        await AssertSameEntriesAsync(source, copy);
    }

    private static async Task AssertInputStoredAsExpectedAsync(CliTestContext cli)
    {
        var entries = (await cli.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct)).ToDictionary(e => e.ReferenceId!);
        var r1 = entries["r1"].Values;
        Assert.Equal("Zoë \"Z\" Ångström, 日本 😀", entries["r1"].Title);
        Assert.Equal("line1\r\nline2", r1.GetString("notes").ReplaceLineEndings("\r\n"));
        Assert.Equal("1200.50", r1["deal_value"].GetRawText());
        Assert.Equal("-0.5", r1["price"].GetRawText());
        Assert.Equal(-42, r1.GetInt64("score"));
        Assert.True(r1.GetBoolean("vip"));
        Assert.Equal("2024-02-29", r1.GetString("born"));
        Assert.Equal("2024-12-11T12:00:00+02:00", r1.GetString("seen"));
        Assert.Equal(["a;b", "c,d", "Say \"hi\"", "back\\slash", " padded ", "=formula"], r1.GetStrings("tags"));
        Assert.Equal("""{"a":[1,2,{"b":null}],"s":"x, y"}""", r1["meta"].GetRawText());
        Assert.Equal(["e-1", "e-2"], r1.GetEntryIds("related"));

        var r2 = entries["r2"];
        Assert.Equal("=HYPERLINK(\"http://evil.example\")", r2.Title);
        Assert.Equal(3, r2.StageId);
        Assert.Equal("'=literal", r2.Values.GetString("company"));
        Assert.Equal("'tis", r2.Values.GetString("notes"));
        Assert.Equal("-5551234", r2.Values.GetString("phone"));
        Assert.Equal(JsonValueKind.String, r2.Values["meta"].ValueKind);
        Assert.False(r2.Values.GetBoolean("vip"));

        Assert.Empty(entries["r3"].Values);
        var r4 = entries["r4"].Values;
        Assert.Equal("-dash", r4.GetString("company"));
        Assert.Equal("+plus", r4.GetString("notes"));
        Assert.Equal(9007199254740993, r4.GetInt64("score"));
        Assert.Equal("1e3", r4["price"].GetRawText());
        Assert.Equal("""["x","y"]""", r4["meta"].GetRawText());
        Assert.Equal(["ünï", "=formula"], r4.GetStrings("tags"));
    }

    private static async Task AssertSameEntriesAsync(CliTestContext source, CliTestContext copy)
    {
        var expected = await source.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct);
        var actual = (await copy.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).ToListAsync(Ct)).ToDictionary(e => e.ReferenceId!);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var entry in expected)
        {
            var twin = actual[entry.ReferenceId!];
            Assert.Equal(entry.Title, twin.Title);
            Assert.Equal(entry.ReferenceType, twin.ReferenceType);
            Assert.Equal(entry.PipelineId, twin.PipelineId);
            Assert.Equal(entry.StageId, twin.StageId);
            Assert.Equal(entry.Values.Keys.Order(), twin.Values.Keys.Order());
            foreach (var (key, value) in entry.Values)
            {
                Assert.True(value.GetRawText() == twin.Values[key].GetRawText(), $"{entry.ReferenceId}.{key}: {value.GetRawText()} became {twin.Values[key].GetRawText()}");
            }
        }
    }

    /// <summary>
    /// The export's records with the columns the server fills in (id, created_at, updated_at) left out,
    /// sorted: rows written concurrently are created in any order, and entries list newest first.
    /// </summary>
    private static async Task<List<string>> WithoutServerColumnsAsync(string path)
    {
        using var reader = new StreamReader(path);
        var csv = new Import.CsvRecordReader(reader, ',');
        var header = (await csv.ReadAsync(Ct))!;
        var keep = Enumerable.Range(0, header.Count).Where(i => header[i] is not ("id" or "created_at" or "updated_at")).ToList();
        var records = new List<string>();
        while (await csv.ReadAsync(Ct) is { } cells)
        {
            records.Add(string.Join("\u0001", keep.Select(i => cells[i])));
        }

        return [string.Join(",", keep.Select(i => header[i])), .. records.Order(StringComparer.Ordinal)];
    }
}
