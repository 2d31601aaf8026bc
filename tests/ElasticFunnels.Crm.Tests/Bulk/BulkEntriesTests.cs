using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Bulk;

public sealed class BulkEntriesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Posts(EmulatorClient crm) => crm.Emulator.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/entries", StringComparison.Ordinal));

    [Fact]
    public async Task CreateManyAsync_ServerRefusesSomeItems_ResultsCompleteOrderedAndTyped()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var requests = Enumerable.Range(0, 30).Select(i =>
        {
            var request = crm.Lead($"c{i}", title: $"Lead {i}");
            if (i % 5 == 0)
            {
                request.StageId = 999; // not a stage of the pipeline: the API answers 422
            }

            return request;
        }).ToList();

        var result = await crm.Client.Entries.CreateManyAsync(crm.Leads.Id, requests, new BulkOptions { MaxConcurrency = 4 }, Ct);

        Assert.Equal(30, result.Items.Count);
        Assert.Equal(24, result.Succeeded);
        Assert.Equal(6, result.Failed);
        Assert.Equal(0, result.NotAttempted);
        Assert.False(result.IsCanceled);
        for (var i = 0; i < 30; i++)
        {
            var item = result.Items[i];
            Assert.Equal(i, item.Index);
            if (i % 5 == 0)
            {
                Assert.Equal(BulkItemStatus.Failed, item.Status);
                var error = Assert.IsType<CrmValidationException>(item.Exception);
                Assert.Contains("stage_id", error.Error.FieldErrors.Keys);
                Assert.Null(item.Value);
            }
            else
            {
                Assert.Equal(BulkItemStatus.Succeeded, item.Status);
                Assert.Equal($"Lead {i}", item.Value!.Title);
                Assert.Null(item.Exception);
            }
        }

        Assert.Equal(30, Posts(crm));
        Assert.Equal(24, crm.Emulator.EntryCount(crm.Leads.Id));
        Assert.Equal(result.Failures.Select(f => f.Index), [0, 5, 10, 15, 20, 25]);
    }

    [Fact]
    public async Task CreateManyAsync_InvalidItems_FailWithArgumentExceptionAndAreNotSent()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var noTitle = crm.Lead("c1");
        noTitle.Title = null;

        var result = await crm.Client.Entries.CreateManyAsync(crm.Leads.Id, [crm.Lead("c0"), noTitle, null!, crm.Lead("c3")], cancellationToken: Ct);

        Assert.Equal([BulkItemStatus.Succeeded, BulkItemStatus.Failed, BulkItemStatus.Failed, BulkItemStatus.Succeeded], result.Items.Select(i => i.Status));
        Assert.IsType<ArgumentException>(result.Items[1].Exception);
        Assert.IsType<ArgumentNullException>(result.Items[2].Exception);
        Assert.Equal(2, Posts(crm));
    }

    [Theory]
    [InlineData(3, 24)]
    [InlineData(null, 40)]
    public async Task CreateManyAsync_InFlightAtTheServer_NeverAboveTheLimit(int? limit, int count)
    {
        await using var fresh = await EmulatorClient.CreateAsync();
        fresh.Emulator.Latency = TimeSpan.FromMilliseconds(15);
        var options = limit is { } l ? new BulkOptions { MaxConcurrency = l } : null;

        var result = await fresh.Client.Entries.CreateManyAsync(fresh.Leads.Id, Enumerable.Range(0, count).Select(i => fresh.Lead($"c{i}")), options, Ct);

        Assert.True(result.AllSucceeded);
        var max = limit ?? BulkOptions.DefaultMaxConcurrency;
        Assert.InRange(fresh.Emulator.MaxConcurrentRequests, 2, max);
    }

    [Fact]
    public async Task CreateManyAsync_Progress_OneReportPerItemWithGrowingCounts()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var progress = new SyncProgress();
        var requests = Enumerable.Range(0, 12).Select(i => crm.Lead($"c{i}")).ToList();
        requests[4].StageId = 999;

        await crm.Client.Entries.CreateManyAsync(crm.Leads.Id, requests, new BulkOptions { MaxConcurrency = 3, Progress = progress }, Ct);

        var reports = progress.Reports;
        Assert.Equal(12, reports.Count);
        Assert.Equal(Enumerable.Range(1, 12), reports.Select(r => r.Completed));
        Assert.All(reports, r => Assert.Equal(12, r.Total));
        Assert.Equal(new BulkProgress(12, 11, 1), reports[^1]);
    }

    [Fact]
    public async Task CreateManyAsync_CancelledMidway_InFlightFinishAndResultsSayExactlyWhatWasWritten()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        crm.Emulator.Latency = TimeSpan.FromMilliseconds(10);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new SyncProgress(p =>
        {
            if (p.Completed == 4)
            {
                cts.Cancel();
            }
        });
        var requests = Enumerable.Range(0, 40).Select(i => crm.Lead($"c{i}", title: $"Lead {i}")).ToList();

        var result = await crm.Client.Entries.CreateManyAsync(crm.Leads.Id, requests, new BulkOptions { MaxConcurrency = 2, Progress = progress }, cts.Token);

        Assert.True(result.IsCanceled);
        Assert.Equal(0, result.Failed);
        Assert.InRange(result.Succeeded, 4, 4 + 2);
        Assert.Equal(40 - result.Succeeded, result.NotAttempted);

        // Exactly the succeeded items were written, and nothing else was even sent.
        Assert.Equal(result.Succeeded, Posts(crm));
        var stored = new HashSet<string>();
        await foreach (var entry in crm.Client.Entries.ListAutoPagingAsync(crm.Leads.Id, cancellationToken: Ct))
        {
            stored.Add(entry.Title!);
        }

        Assert.Equal(result.Items.Where(i => i.IsSuccess).Select(i => $"Lead {i.Index}").ToHashSet(), stored);
        Assert.All(result.Items.Where(i => !i.IsSuccess), i => Assert.Equal(BulkItemStatus.NotAttempted, i.Status));
    }

    [Fact]
    public async Task CreateManyAsync_CancelledBeforeStart_NothingSentAllNotAttempted()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var before = crm.Emulator.Requests.Count;

        var result = await crm.Client.Entries.CreateManyAsync(crm.Leads.Id, [crm.Lead("a"), crm.Lead("b")], cancellationToken: new CancellationToken(canceled: true));

        Assert.True(result.IsCanceled);
        Assert.Equal(2, result.NotAttempted);
        Assert.Equal(before, crm.Emulator.Requests.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public async Task CreateManyAsync_MaxConcurrencyOutOfRange_ThrowsBeforeSending(int limit)
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var before = crm.Emulator.Requests.Count;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = crm.Client.Entries.CreateManyAsync(crm.Leads.Id, [crm.Lead("a")], new BulkOptions { MaxConcurrency = limit }, Ct); });

        Assert.Contains("MaxConcurrency", ex.Message);
        Assert.Equal(before, crm.Emulator.Requests.Count);
    }

    [Fact]
    public async Task UpsertManyByReferenceAsync_SameReferenceTenTimes_OneCreate()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var requests = Enumerable.Range(0, 10).Select(i => crm.Lead(i % 2 == 0 ? "conv-a" : "conv-b", title: $"Lead {i}")).ToList();

        var result = await crm.Client.Entries.UpsertManyByReferenceAsync(crm.Leads.Id, requests, cancellationToken: Ct);

        Assert.True(result.AllSucceeded);
        Assert.Equal(2, result.Items.Count(i => i.Value!.Created));
        Assert.Equal(2, Posts(crm));
        Assert.Equal(2, crm.Emulator.EntryCount(crm.Leads.Id));
    }

    [Fact]
    public async Task UpdateManyAsync_OneEntryMissing_TypedFailureOthersUpdated()
    {
        using var stub = new CrmStub();
        const string path = "/api/brands/42/crm/entities/1/entries/";
        stub.Respond("PUT", path + "a", json: """{"id":"a","title":"A2"}""");
        stub.Respond("PUT", path + "b", 404, """{"message":"Entry not found."}""");
        stub.Respond("PUT", path + "c", json: """{"id":"c","title":"C2"}""");

        var result = await stub.Client.Entries.UpdateManyAsync(
            1,
            [
                new BulkEntryUpdate("a", new EntryUpdateRequest { Title = "A2" }),
                new BulkEntryUpdate("b", new EntryUpdateRequest { Title = "B2" }),
                new BulkEntryUpdate("c", new EntryUpdateRequest { Title = "C2" }),
            ],
            cancellationToken: Ct);

        Assert.Equal("A2", result.Items[0].Value!.Title);
        Assert.IsType<CrmNotFoundException>(result.Items[1].Exception);
        Assert.Equal("C2", result.Items[2].Value!.Title);
        Assert.Equal(3, stub.Requests.Count);
        foreach (var (id, title) in new[] { ("a", "A2"), ("b", "B2"), ("c", "C2") })
        {
            var put = Assert.Single(stub.Requests, r => r.RequestMessage!.Path == path + id).RequestMessage!;
            Assert.Equal("PUT", put.Method);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"title":"{{title}}"}"""), JsonNode.Parse(put.Body!)));
        }
    }

    [Fact]
    public void BulkResult_ItemOutOfPlace_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BulkResult<Entry>([BulkItemResult<Entry>.NotAttempted(1)], isCanceled: true));
    }
}
