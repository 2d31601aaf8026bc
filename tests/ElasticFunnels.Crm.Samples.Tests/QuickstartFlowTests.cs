extern alias quickstart;

using quickstart::Quickstart;

namespace ElasticFunnels.Crm.Samples.Tests;

public sealed class QuickstartFlowTests
{
    private static readonly (string Stage, int Entries)[] ExpectedPresetBoard =
        [("New Lead", 1), ("Contacted", 2), ("Qualified", 1), ("Closed Won", 1), ("Closed Lost", 0)];

    [Fact]
    public async Task RunAsync_InMemoryEmulator_PrintsBoardAndCreatesNoDuplicates()
    {
        await using var crm = EmulatorCrm.InMemory();
        var output = new StringWriter();

        var result = await QuickstartFlow.RunAsync(crm.Client, output, TestContext.Current.CancellationToken);

        Assert.Equal(ExpectedPresetBoard, result.Board.Select(c => (c.StageName, c.Entries)));
        Assert.Equal(5, result.Created);
        Assert.Equal(5, result.EntriesBeforeRepeat);
        Assert.Equal(5, result.EntriesAfterRepeat);
        Assert.Equal(5, result.EntriesListed);
        Assert.Equal(5, crm.Emulator.EntryCount(result.EntityId));
        var text = output.ToString();
        Assert.Contains("entries before: 5, after: 5; created 0, updated 5 (no duplicates)", text, StringComparison.Ordinal);
        Assert.Contains("created entity 'Leads' (id 1) from the 'leads' preset", text, StringComparison.Ordinal);
        Assert.Matches(@"│ Contacted\s+│\s+2 │", text);
        Assert.Matches(@"│ Total\s+│\s+5 │", text);
    }

    [Fact]
    public async Task RunAsync_PagesTwoAtATime()
    {
        await using var crm = EmulatorCrm.InMemory();

        await QuickstartFlow.RunAsync(crm.Client, TextWriter.Null, TestContext.Current.CancellationToken);

        var pages = crm.Emulator.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/entries", StringComparison.Ordinal) && r.Query.Contains("per_page=2", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pages.Count);
    }

    [Fact]
    public async Task RunAsync_TwiceOverLoopback_SecondRunCreatesNothingAndBoardIsUnchanged()
    {
        await using var crm = await EmulatorCrm.LoopbackAsync();
        var first = await QuickstartFlow.RunAsync(crm.Client, TextWriter.Null, TestContext.Current.CancellationToken);

        // A second run is a new process: a new client with no memory of the first.
        using var secondClient = crm.NewClient();
        var output = new StringWriter();
        var second = await QuickstartFlow.RunAsync(secondClient, output, TestContext.Current.CancellationToken);

        Assert.Equal(first.EntityId, second.EntityId);
        Assert.Equal(5, first.Created);
        Assert.Equal(0, second.Created);
        Assert.Equal(5, crm.Emulator.EntryCount(first.EntityId));
        Assert.Equal(first.Board, second.Board);
        Assert.Equal(ExpectedPresetBoard, second.Board.Select(c => (c.StageName, c.Entries)));
        Assert.Contains("reusing entity 'Leads' (id 1, slug 'leads')", output.ToString(), StringComparison.Ordinal);
        Assert.Single(crm.Emulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/crm/entities", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_EntityWithoutPreset_CreatesMissingFieldsPipelineAndStages()
    {
        await using var crm = EmulatorCrm.InMemory();
        var ct = TestContext.Current.CancellationToken;
        await crm.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "My Leads", Slug = "leads" }, ct);
        var output = new StringWriter();

        var result = await QuickstartFlow.RunAsync(crm.Client, output, ct);

        var entity = await crm.Client.Entities.GetAsync(result.EntityId, ct);
        Assert.Equal(["email", "lead_source", "phone"], entity.Fields.Select(f => f.Key).Order());
        Assert.Equal(["New Lead", "Contacted", "Qualified", "Closed Won"], result.Board.Select(c => c.StageName));
        Assert.Equal([1, 2, 1, 1], result.Board.Select(c => c.Entries));
        Assert.Contains("added missing pipeline 'Sales Pipeline'", output.ToString(), StringComparison.Ordinal);
        var jane = await crm.Client.Entries.ListAutoPagingAsync(result.EntityId, new EntryListOptions { ReferenceId = "qs-conv-1001" }, ct).SingleAsync(ct);
        Assert.Equal("Facebook", jane.Values["lead_source"].GetString());
    }

    [Fact]
    public async Task RunAsync_ForeignSchema_FitsValuesFillsRequiredFieldsAndExtendsShortPipeline()
    {
        await using var crm = EmulatorCrm.InMemory();
        var ct = TestContext.Current.CancellationToken;
        var entity = await crm.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads" }, ct);
        var pipeline = await crm.Client.Pipelines.CreateAsync(entity.Id, new PipelineCreateRequest { Name = "Inbound" }, ct);
        await crm.Client.Stages.CreateAsync(pipeline.Id, new StageCreateRequest { Name = "Inbox" }, ct);
        await crm.Client.Fields.CreateAsync(entity.Id, new FieldCreateRequest { Name = "Company", Key = "company", Type = FieldType.Text, Required = true }, ct);
        await crm.Client.Fields.CreateAsync(entity.Id, new FieldCreateRequest { Name = "Source", Key = "lead_source", Type = FieldType.Select, Options = ["Web", "facebook"] }, ct);

        var result = await QuickstartFlow.RunAsync(crm.Client, TextWriter.Null, ct);

        Assert.Equal(pipeline.Id, result.PipelineId);
        Assert.Equal(["Inbox", "New Lead", "Contacted", "Qualified"], result.Board.Select(c => c.StageName));
        Assert.Equal(5, crm.Emulator.EntryCount(entity.Id));
        var entries = await crm.Client.Entries.ListAutoPagingAsync(entity.Id, cancellationToken: ct).ToListAsync(ct);
        Assert.All(entries, e => Assert.Equal("quickstart", e.Values["company"].GetString()));
        Assert.Equal("facebook", entries.Single(e => e.ReferenceId == "qs-conv-1001").Values["lead_source"].GetString());
        Assert.False(entries.Single(e => e.ReferenceId == "qs-conv-1002").Values.ContainsKey("lead_source"));
    }

    [Fact]
    public async Task RunAsync_DataModeEntity_FailsWithClearMessage()
    {
        await using var crm = EmulatorCrm.InMemory();
        var ct = TestContext.Current.CancellationToken;
        await crm.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Mode = EntityMode.Data }, ct);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => QuickstartFlow.RunAsync(crm.Client, TextWriter.Null, ct));

        Assert.Contains("data-mode entity", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, crm.Emulator.EntryCount(1));
    }
}
