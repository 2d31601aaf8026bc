using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>The README's paging, export, bulk and upsert snippets, compiled and run against the emulator.</summary>
public sealed class PagingSnippets
{
    private static async Task<(CrmEmulator Emulator, ElasticFunnelsCrmClient Crm)> LeadsAsync(int entries)
    {
        var emulator = new CrmEmulator();
        var crm = new ElasticFunnelsCrmClient(
            new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress },
            emulator.CreateHandler(),
            disposeHandler: true);
        await crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" }, TestContext.Current.CancellationToken);
        await crm.Entries.CreateManyAsync(1, Enumerable.Range(0, entries).Select(i => Lead($"conv-{i}")), cancellationToken: TestContext.Current.CancellationToken);
        return (emulator, crm);
    }

    private static EntryCreateRequest Lead(string conversionId) => new()
    {
        Title = $"Jane {conversionId}",
        PipelineId = 1,
        StageId = 1,
        ReferenceType = "conversion",
        ReferenceId = conversionId,
        Values = new Dictionary<string, FieldValue> { ["email"] = $"{conversionId}@example.com" },
    };

    [Fact]
    public async Task Paging_EnumeratesEveryMatchingEntry()
    {
        var (emulator, crm) = await LeadsAsync(30);
        await using var _ = emulator;
        using var __ = crm;
        var cancellationToken = TestContext.Current.CancellationToken;
        const long entityId = 1;

        #region Paging
        await foreach (var entry in crm.Entries.ListAutoPagingAsync(entityId, new EntryListOptions { StageId = 1, Search = "jane" }, cancellationToken))
        {
            Console.WriteLine($"{entry.Id}: {entry.Title}");
        }
        #endregion

        var list = Assert.Single(emulator.Requests, r => r.Method == "GET" && r.Path.EndsWith("/entries", StringComparison.Ordinal));
        Assert.Equal("page=1&per_page=100&stage_id=1&q=jane", list.Query);
    }

    [Fact]
    public async Task PagingByPage_ResumesFromTheSavedToken()
    {
        var (emulator, crm) = await LeadsAsync(120);
        await using var _ = emulator;
        using var __ = crm;
        var cancellationToken = TestContext.Current.CancellationToken;
        const long entityId = 1;
        string? saved = null;
        var seen = new List<string>();
        string? LoadCheckpoint() => saved;
        void SaveCheckpoint(string? token) => saved = token;
        void Process(Entry entry) => seen.Add(entry.Id);

        for (var run = 0; run < 3 && (run == 0 || saved is not null); run++)
        {
            #region PagingByPage
            string? token = LoadCheckpoint(); // null the first time
            await foreach (var page in crm.Entries.ListAutoPagingAsync(entityId, cancellationToken: cancellationToken).AsPages(token, pageSizeHint: 50))
            {
                Console.WriteLine($"Page {page.PageNumber} of {page.LastPage} ({page.Total} entries in all)");
                foreach (var entry in page.Values)
                {
                    Process(entry);
                }

                SaveCheckpoint(page.ContinuationToken); // null after the last page
                break; // e.g. the job's time slice is over; the next run resumes from the checkpoint
            }
            #endregion
        }

        Assert.Equal(120, seen.Distinct().Count());
        Assert.Null(saved);
    }

    [Fact]
    public async Task Export_WritesCsvFile()
    {
        var (emulator, crm) = await LeadsAsync(7);
        await using var _ = emulator;
        using var __ = crm;
        var cancellationToken = TestContext.Current.CancellationToken;
        const long entityId = 1;
        var path = Path.Combine(Path.GetTempPath(), $"leads-{Guid.NewGuid():N}.csv");

        try
        {
            #region Export
            await using (var file = File.Create(path))
            {
                var rows = await crm.Entries.ExportCsvAsync(entityId, file, new EntryExportOptions
                {
                    Filter = new EntryListOptions { PipelineId = 1 },
                }, cancellationToken);
                Console.WriteLine($"{rows} leads exported");
            }
            #endregion

            var lines = await File.ReadAllLinesAsync(path, cancellationToken);
            Assert.Equal(8, lines.Length);
            Assert.StartsWith("id,title,pipeline_id,stage_id,reference_type,reference_id,created_at,updated_at,", lines[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task BulkWrites_ReportEveryItem()
    {
        var (emulator, crm) = await LeadsAsync(0);
        await using var _ = emulator;
        using var __ = crm;
        var cancellationToken = TestContext.Current.CancellationToken;
        const long entityId = 1;
        var requests = Enumerable.Range(0, 10).Select(i => Lead($"import-{i}")).ToList();
        requests[3].StageId = 999; // refused by the API

        #region BulkWrites
        var result = await crm.Entries.CreateManyAsync(entityId, requests, new BulkOptions
        {
            MaxConcurrency = 4, // default 8
            Progress = new Progress<BulkProgress>(p => Console.WriteLine($"{p.Completed}/{p.Total} done, {p.Failed} failed")),
        }, cancellationToken);

        foreach (var item in result.Items) // one per request, in input order
        {
            switch (item.Status)
            {
                case BulkItemStatus.Succeeded:
                    Console.WriteLine($"#{item.Index} created {item.Value!.Id}");
                    break;
                case BulkItemStatus.Failed when item.Exception is CrmValidationException invalid:
                    Console.WriteLine($"#{item.Index} invalid: {string.Join("; ", invalid.Error.FieldErrors.Keys)}");
                    break;
                case BulkItemStatus.Failed:
                    Console.WriteLine($"#{item.Index} failed: {item.Exception!.Message}");
                    break;
                case BulkItemStatus.NotAttempted:
                    Console.WriteLine($"#{item.Index} not sent (cancelled)");
                    break;
            }
        }
        #endregion

        Assert.Equal(9, result.Succeeded);
        Assert.Equal(3, Assert.Single(result.Failures).Index);
        Assert.Equal(9, emulator.EntryCount(entityId));
    }

    [Fact]
    public async Task UpsertByReference_CreatesThenUpdates()
    {
        var (emulator, crm) = await LeadsAsync(0);
        await using var _ = emulator;
        using var __ = crm;
        var cancellationToken = TestContext.Current.CancellationToken;
        const long entityId = 1;
        const string conversionId = "conv-123";
        var outcomes = new List<bool>();

        for (var delivery = 0; delivery < 2; delivery++) // the webhook is delivered twice
        {
            #region UpsertByReference
            var upsert = await crm.Entries.UpsertByReferenceAsync(entityId, new EntryCreateRequest
            {
                Title = "Jane Doe",
                PipelineId = 1,
                StageId = 1, // used only when the entry is created
                ReferenceType = "conversion",
                ReferenceId = conversionId,
                Values = new Dictionary<string, FieldValue> { ["email"] = "jane@example.com" },
            }, cancellationToken);
            Console.WriteLine(upsert.Created ? $"Created {upsert.Entry.Id}" : $"Updated {upsert.Entry.Id}");
            #endregion

            outcomes.Add(upsert.Created);
        }

        Assert.Equal([true, false], outcomes);
        Assert.Equal(1, emulator.EntryCount(entityId));
    }
}
