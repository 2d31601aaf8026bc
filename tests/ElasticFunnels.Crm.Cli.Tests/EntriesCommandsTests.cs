using System.Text.Json;
using ElasticFunnels.Crm.Cli.Tests.Support;

namespace ElasticFunnels.Crm.Cli.Tests;

public sealed class EntriesCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CreateAsync(CliTestContext cli, string title, params string[] more)
    {
        var result = await cli.RunAsync(["entries", "create", "--entity", "leads", "--title", title, "--json", .. more]);
        return result.Json.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Create_SetValues_ReadAsTheFieldTypesAndSentExactly()
    {
        await using var cli = await CliTestContext.StartAsync();

        var json = (await cli.RunAsync("entries", "create", "--entity", "leads", "--title", "Jane Doe", "--stage", "Contacted",
            "--reference-type", "conversion", "--reference-id", "conv-1",
            "--set", "email=jane@example.com", "--set", "lead_source=Google", "--set", "deal_value=1200.50", "--json")).Json;

        Assert.Equal("Jane Doe", json.GetProperty("title").GetString());
        Assert.Equal(1, json.GetProperty("pipeline_id").GetInt64());
        Assert.Equal(2, json.GetProperty("stage_id").GetInt64());
        Assert.Equal("conv-1", json.GetProperty("reference_id").GetString());
        Assert.Equal("1200.50", json.GetProperty("values").GetProperty("deal_value").GetRawText());
        var post = Assert.Single(cli.Emulator.Requests, r => r.Method == "POST");
        using var body = JsonDocument.Parse(post.Body!);
        Assert.Equal("1200.50", body.RootElement.GetProperty("values").GetProperty("deal_value").GetRawText());
        Assert.Equal("Google", body.RootElement.GetProperty("values").GetProperty("lead_source").GetString());
    }

    [Fact]
    public async Task Create_ValuesThatDoNotFit_UsageErrorListingEachAndNothingSent()
    {
        await using var cli = await CliTestContext.StartAsync();

        var result = await cli.RunAsync("entries", "create", "--entity", "leads", "--title", "Bad",
            "--set", "deal_value=a lot", "--set", "lead_source=TikTok", "--set", "shoe_size=42");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'deal_value' is a number field: expected a number", result.Error, StringComparison.Ordinal);
        Assert.Contains("'lead_source' must be one of Facebook, Google, Organic, Referral (was \"TikTok\")", result.Error, StringComparison.Ordinal);
        Assert.Contains("'shoe_size' is not a field of entity 1", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.Emulator.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Create_ValuesJson_SentAsWritten()
    {
        await using var cli = await CliTestContext.StartAsync();

        var json = (await cli.RunAsync("entries", "create", "--entity", "leads", "--title", "Acme", "--values", """{"deal_value": -5, "company": "Acme, \"Inc\""}""", "--json")).Json;

        Assert.Equal(-5, json.GetProperty("values").GetProperty("deal_value").GetInt32());
        Assert.Equal("Acme, \"Inc\"", json.GetProperty("values").GetProperty("company").GetString());
    }

    [Fact]
    public async Task List_OnePage_PageNumbersAndFilters()
    {
        await using var cli = await CliTestContext.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            await CreateAsync(cli, $"Lead {i}", "--reference-type", "t", "--reference-id", $"r{i}", "--stage", i <= 2 ? "2" : "1");
        }

        var page = (await cli.RunAsync("entries", "list", "--entity", "leads", "--per-page", "2", "--page", "2", "--json")).Json;
        var stage = (await cli.RunAsync("entries", "list", "--entity", "leads", "--stage", "2", "--json")).Json;
        var search = (await cli.RunAsync("entries", "list", "--entity", "leads", "--search", "lead 4", "--json")).Json;
        var reference = (await cli.RunAsync("entries", "list", "--entity", "leads", "--reference-type", "t", "--reference-id", "r5", "--json")).Json;

        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(3, page.GetProperty("last_page").GetInt32());
        Assert.Equal(5, page.GetProperty("total").GetInt64());
        Assert.Equal(["Lead 3", "Lead 2"], page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        Assert.Equal(["Lead 2", "Lead 1"], stage.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        Assert.Equal(["Lead 4"], search.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        Assert.Equal(["Lead 5"], reference.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        Assert.Contains(cli.Emulator.Requests, r => r.Query.Contains("q=lead%204", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_Table_HintsAtTheNextPageOnlyWhenOneFollows()
    {
        await using var cli = await CliTestContext.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            await CreateAsync(cli, $"Lead {i}");
        }

        var middle = await cli.RunAsync("entries", "list", "--entity", "leads", "--per-page", "2", "--page", "2");
        var last = await cli.RunAsync("entries", "list", "--entity", "leads", "--per-page", "2", "--page", "3");

        Assert.Contains("Page 2 of 3, 5 entries; --page 3 for more, --all for every page", middle.Out, StringComparison.Ordinal);
        Assert.Contains("Page 3 of 3, 5 entries", last.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("for more", last.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_All_EveryPageStreamedAsOneJsonDocument()
    {
        await using var cli = await CliTestContext.StartAsync();
        for (var i = 1; i <= 7; i++)
        {
            await CreateAsync(cli, $"Lead {i}");
        }

        var json = (await cli.RunAsync("entries", "list", "--entity", "leads", "--all", "--per-page", "3", "--json")).Json;

        Assert.Equal(7, json.GetProperty("count").GetInt64());
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(i => $"Lead {i}"), json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()));
        Assert.Equal(3, cli.Emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/entries", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task List_AllWithPage_UsageError()
    {
        await using var cli = await CliTestContext.StartAsync();

        var result = await cli.RunAsync("entries", "list", "--entity", "1", "--all", "--page", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--page and --all", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUpdateMoveDelete_OneEntryThroughItsLife()
    {
        await using var cli = await CliTestContext.StartAsync();
        var id = await CreateAsync(cli, "Jane", "--set", "company=Acme", "--set", "deal_value=10");

        var got = (await cli.RunAsync("entries", "get", id, "--json")).Json;
        Assert.Equal("Acme", got.GetProperty("values").GetProperty("company").GetString());
        Assert.Equal(id, (await cli.RunAsync("entries", "get", id, "--entity", "leads", "--json")).Json.GetProperty("id").GetString());

        var updated = (await cli.RunAsync("entries", "update", id, "--entity", "leads", "--title", "Jane Doe", "--set", "company=", "--set", "deal_value=11.5", "--json")).Json;
        Assert.Equal("Jane Doe", updated.GetProperty("title").GetString());
        Assert.False(updated.GetProperty("values").TryGetProperty("company", out _));
        Assert.Equal(11.5m, updated.GetProperty("values").GetProperty("deal_value").GetDecimal());

        Assert.Equal(3, (await cli.RunAsync("entries", "move", id, "--stage", "3", "--json")).Json.GetProperty("stage_id").GetInt64());
        Assert.Equal(4, (await cli.RunAsync("entries", "move", id, "--entity", "leads", "--stage", "closed won", "--json")).Json.GetProperty("stage_id").GetInt64());

        Assert.Equal(0, (await cli.RunAsync("entries", "delete", id, "--yes")).ExitCode);
        Assert.Equal(0, cli.Emulator.EntryCount(1));
        Assert.Equal(2, (await cli.RunAsync("entries", "get", id)).ExitCode);
    }

    [Fact]
    public async Task Move_StageNameWithoutEntity_UsageError()
    {
        await using var cli = await CliTestContext.StartAsync();

        var result = await cli.RunAsync("entries", "move", "abc", "--stage", "Qualified");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(cli.Emulator.Requests);
    }

    [Fact]
    public async Task Get_Table_ShowsEveryValue()
    {
        await using var cli = await CliTestContext.StartAsync();
        var id = await CreateAsync(cli, "Jane", "--set", "email=jane@example.com");

        var result = await cli.RunAsync("entries", "get", id);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"values\.email\s+jane@example\.com", result.Out);
        Assert.Matches(@"Title\s+Jane", result.Out);
    }
}
