using System.Text.Json;
using ElasticFunnels.Crm.Cli.Tests.Support;

namespace ElasticFunnels.Crm.Cli.Tests;

/// <summary>presets, entities, pipelines, stages and fields: each command in-process against the emulator, --json parsed.</summary>
public sealed class ResourceCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PresetsList_Json_ListsTheThreePresets()
    {
        await using var cli = await CliTestContext.StartAsync();

        var json = (await cli.RunAsync("presets", "list", "--json")).Json;

        Assert.Equal(["leads", "contacts", "deals"], json.EnumerateArray().Select(p => p.GetProperty("key").GetString()));
        Assert.Equal("Leads", json[0].GetProperty("label").GetString());
        Assert.Equal("Track inbound leads through a sales process", json[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Entities_CreateListGetUpdateDelete_EachPrintsTheApiResult()
    {
        await using var cli = await CliTestContext.StartAsync(seed: false);

        var created = (await cli.RunAsync("entities", "create", "--name", "Deals", "--slug", "deals", "--preset", "deals", "--json")).Json;
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("deals", created.GetProperty("slug").GetString());
        Assert.Equal("crm", created.GetProperty("mode").GetString());

        var list = (await cli.RunAsync("entities", "list", "--json")).Json;
        Assert.Equal([id], list.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));

        var got = (await cli.RunAsync("entities", "get", "deals", "--json")).Json;
        Assert.Equal(id, got.GetProperty("id").GetInt64());
        Assert.Equal("Deals Pipeline", got.GetProperty("pipelines")[0].GetProperty("name").GetString());
        Assert.Equal(6, got.GetProperty("pipelines")[0].GetProperty("stages").GetArrayLength());
        Assert.NotEqual(0, got.GetProperty("fields").GetArrayLength());

        var updated = (await cli.RunAsync("entities", "update", id.ToString(), "--name", "Big deals", "--color", "#000000", "--json")).Json;
        Assert.Equal("Big deals", updated.GetProperty("name").GetString());
        Assert.Equal("#000000", (await cli.Client.Entities.GetAsync(id, Ct)).Color);

        var deleted = (await cli.RunAsync("entities", "delete", "deals", "--yes", "--json")).Json;
        Assert.Equal("entity", deleted.GetProperty("deleted").GetString());
        Assert.Empty(await cli.Client.Entities.ListAsync(Ct));
    }

    [Fact]
    public async Task EntitiesDelete_NoYesAndNoTerminal_RefusesAndDeletesNothing()
    {
        await using var cli = await CliTestContext.StartAsync();

        var result = await cli.RunAsync("entities", "delete", "leads");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Pass --yes", result.Error, StringComparison.Ordinal);
        Assert.Single(await cli.Client.Entities.ListAsync(Ct));
        Assert.DoesNotContain(cli.Emulator.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task EntitiesGet_UnknownSlug_UsageErrorNamingTheSlugs()
    {
        await using var cli = await CliTestContext.StartAsync();

        var result = await cli.RunAsync("entities", "get", "nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No entity with the id, slug or name 'nope' (slugs: leads)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntitiesGet_MissingId_ApiErrorExitTwo()
    {
        await using var cli = await CliTestContext.StartAsync();

        var result = await cli.RunAsync("entities", "get", "999");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipelines_CreateListGetUpdateDelete()
    {
        await using var cli = await CliTestContext.StartAsync();

        var created = (await cli.RunAsync("pipelines", "create", "--entity", "leads", "--name", "Partners", "--json")).Json;
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("Partners", created.GetProperty("name").GetString());

        var list = (await cli.RunAsync("pipelines", "list", "--entity", "leads", "--json")).Json;
        Assert.Equal(["Sales Pipeline", "Partners"], list.EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        Assert.Equal(5, (await cli.RunAsync("pipelines", "get", "1", "--json")).Json.GetProperty("stages").GetArrayLength());
        Assert.Equal("Resellers", (await cli.RunAsync("pipelines", "update", id.ToString(), "--name", "Resellers", "--json")).Json.GetProperty("name").GetString());

        Assert.Equal(0, (await cli.RunAsync("pipelines", "delete", id.ToString(), "--yes")).ExitCode);
        Assert.Single(await cli.Client.Pipelines.ListAsync(1, Ct));
    }

    [Fact]
    public async Task Stages_CreateListGetUpdateReorderDelete()
    {
        await using var cli = await CliTestContext.StartAsync();

        var created = (await cli.RunAsync("stages", "create", "--pipeline", "1", "--name", "Negotiation", "--color", "#f59e0b", "--json")).Json;
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal(5, created.GetProperty("position").GetInt32());

        var list = (await cli.RunAsync("stages", "list", "--pipeline", "1", "--json")).Json;
        Assert.Equal(["New Lead", "Contacted", "Qualified", "Closed Won", "Closed Lost", "Negotiation"], list.EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        Assert.Equal("#f59e0b", (await cli.RunAsync("stages", "get", id.ToString(), "--json")).Json.GetProperty("color").GetString());
        Assert.Equal("Negotiating", (await cli.RunAsync("stages", "update", id.ToString(), "--name", "Negotiating", "--json")).Json.GetProperty("name").GetString());

        var reordered = (await cli.RunAsync("stages", "reorder", "1", "2", "3", id.ToString(), "4", "5", "--json")).Json;
        Assert.Equal([0, 1, 2, 3, 4, 5], reordered.EnumerateArray().Select(s => s.GetProperty("position").GetInt32()));
        var order = (await cli.Client.Stages.ListAsync(1, Ct)).OrderBy(s => s.Position).Select(s => s.Name);
        Assert.Equal(["New Lead", "Contacted", "Qualified", "Negotiating", "Closed Won", "Closed Lost"], order);
        var reorder = Assert.Single(cli.Emulator.Requests, r => r.Path.EndsWith("/stages/reorder", StringComparison.Ordinal));
        Assert.Equal("PUT", reorder.Method);

        Assert.Equal(0, (await cli.RunAsync("stages", "delete", id.ToString(), "--yes")).ExitCode);
        Assert.Equal(5, (await cli.Client.Stages.ListAsync(1, Ct)).Count);
    }

    [Fact]
    public async Task StagesReorder_RepeatedId_UsageErrorNothingSent()
    {
        await using var cli = await CliTestContext.StartAsync();

        var result = await cli.RunAsync("stages", "reorder", "1", "2", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(cli.Emulator.Requests);
    }

    [Fact]
    public async Task Fields_CreateListGetUpdateDelete()
    {
        await using var cli = await CliTestContext.StartAsync();

        var created = (await cli.RunAsync("fields", "create", "--entity", "leads", "--key", "tags", "--name", "Tags", "--type", "multi_select",
            "--option", "VIP", "--option", "a;b", "--required", "false", "--json")).Json;
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("multi_select", created.GetProperty("type").GetString());
        Assert.Equal(["VIP", "a;b"], created.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()));

        var list = (await cli.RunAsync("fields", "list", "--entity", "1", "--json")).Json;
        Assert.Equal(["email", "phone", "lead_source", "company", "deal_value", "tags"], list.EnumerateArray().Select(f => f.GetProperty("key").GetString()));

        Assert.Equal("Tags", (await cli.RunAsync("fields", "get", id.ToString(), "--json")).Json.GetProperty("name").GetString());
        var updated = (await cli.RunAsync("fields", "update", id.ToString(), "--name", "Labels", "--option", "VIP", "--option", "Cold", "--json")).Json;
        Assert.Equal(["VIP", "Cold"], updated.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()));

        Assert.Equal(0, (await cli.RunAsync("fields", "delete", id.ToString(), "--yes")).ExitCode);
        Assert.Equal(5, (await cli.Client.Fields.ListAsync(1, Ct)).Count);
    }

    [Fact]
    public async Task Lists_WithoutJson_PrintTablesWithTheValues()
    {
        await using var cli = await CliTestContext.StartAsync();

        var entities = await cli.RunAsync("entities", "list");
        var fields = await cli.RunAsync("fields", "list", "--entity", "leads");

        Assert.Equal(0, entities.ExitCode);
        Assert.Matches(@"1\s+Leads\s+leads\s+crm", entities.Out);
        Assert.Matches(@"lead_source\s+Lead Source\s+select\s+no\s+\d+\s+Facebook, Google, Organic, Referral", fields.Out);
        Assert.DoesNotContain("\u001b[", entities.Out + fields.Out, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(entities.Out));
    }

    [Fact]
    public async Task Schema_Json_EntityPipelinesStagesInOrderAndFieldsWithOptions()
    {
        await using var cli = await CliTestContext.StartAsync();

        var json = (await cli.RunAsync("schema", "leads", "--json")).Json;

        Assert.Equal("leads", json.GetProperty("entity").GetProperty("slug").GetString());
        var pipeline = Assert.Single(json.GetProperty("pipelines").EnumerateArray());
        Assert.Equal(["New Lead", "Contacted", "Qualified", "Closed Won", "Closed Lost"], pipeline.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var source = json.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "lead_source");
        Assert.Equal("select", source.GetProperty("type").GetString());
        Assert.Equal(["Facebook", "Google", "Organic", "Referral"], source.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Schema_Terminalless_TreeOfPipelinesStagesAndFields()
    {
        await using var cli = await CliTestContext.StartAsync();

        var result = await cli.RunAsync("schema", "1");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("Leads (entity 1, slug leads, crm mode)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Sales Pipeline (pipeline 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("0. New Lead (stage 1, open)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("lead_source: select \"Lead Source\" (field 3)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("options: Facebook, Google, Organic, Referral", StringComparison.Ordinal));
    }
}
