using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Paging;

public sealed class EntryPagingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> IdsAsync(IAsyncEnumerable<Entry> entries)
    {
        var ids = new List<string>();
        await foreach (var entry in entries)
        {
            ids.Add(entry.Id);
        }

        return ids;
    }

    [Fact]
    public async Task ListAutoPagingAsync_ThreePages_SendsExactPageAndPerPageAndStopsAtLastPage()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(7));

        var ids = await IdsAsync(stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 3, StageId = 2, Search = "a&b" }, Ct));

        Assert.Equal(LiveEntryList.Ids(7), ids);
        Assert.Equal(
            [
                new Dictionary<string, string> { ["page"] = "1", ["per_page"] = "3", ["stage_id"] = "2", ["q"] = "a&b" },
                new Dictionary<string, string> { ["page"] = "2", ["per_page"] = "3", ["stage_id"] = "2", ["q"] = "a&b" },
                new Dictionary<string, string> { ["page"] = "3", ["per_page"] = "3", ["stage_id"] = "2", ["q"] = "a&b" },
            ],
            list.Queries());
        Assert.All(stub.Requests, r => Assert.Equal(LiveEntryList.Path, new Uri(r.RequestMessage!.AbsoluteUrl).AbsolutePath));
    }

    [Fact]
    public async Task ListAutoPagingAsync_NoPageSize_Asks100PerPage()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(150));

        var ids = await IdsAsync(stub.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct));

        Assert.Equal(150, ids.Count);
        Assert.Equal(["100", "100"], list.Queries().Select(q => q["per_page"]));
        Assert.Equal([1, 2], list.PagesRequested());
    }

    [Fact]
    public async Task ListAutoPagingAsync_StartPageSet_StartsThere()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(10));

        var ids = await IdsAsync(stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 4, Page = 2 }, Ct));

        Assert.Equal(["e6", "e5", "e4", "e3", "e2", "e1"], ids);
        Assert.Equal([2, 3], list.PagesRequested());
    }

    [Fact]
    public async Task ListAutoPagingAsync_EntryInsertedBetweenPageFetches_YieldsNoDuplicate()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(6));
        list.AfterRequest = n =>
        {
            if (n == 1)
            {
                list.Insert("e7"); // pushes e4 from page 1 onto page 2
            }
        };

        var ids = await IdsAsync(stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 3 }, Ct));

        Assert.Equal(["e6", "e5", "e4", "e3", "e2", "e1"], ids);
        Assert.Equal([1, 2, 3], list.PagesRequested());
    }

    [Fact]
    public async Task ListAutoPagingAsync_ManyInsertedBetweenPageFetches_YieldsEachIdOnce()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(9));
        list.AfterRequest = n =>
        {
            if (n == 1)
            {
                for (var i = 10; i <= 16; i++)
                {
                    list.Insert($"e{i}"); // 7 new rows: more than two pages' shift
                }
            }
        };

        var ids = await IdsAsync(stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 3 }, Ct));

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(LiveEntryList.Ids(9), ids.Where(id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) <= 9));
    }

    [Fact]
    public async Task ListAutoPagingAsync_EntryDeletedBetweenPageFetches_StepsBackSoNothingIsSkipped()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(6));
        list.AfterRequest = n =>
        {
            if (n == 1)
            {
                list.Remove("e6"); // pulls e3 from page 2 onto page 1
            }
        };

        var ids = await IdsAsync(stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 3 }, Ct));

        Assert.Equal(["e6", "e5", "e4", "e3", "e2", "e1"], ids);
        Assert.Equal([1, 2, 1, 2], list.PagesRequested());
    }

    [Fact]
    public async Task ListAutoPagingAsync_CancelledMidEnumeration_StopsFurtherRequests()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(9));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var entry in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 3 }, cts.Token))
            {
                if (++seen == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(3, seen);
        Assert.Equal([1], list.PagesRequested());
    }

    [Fact]
    public async Task ListAutoPagingAsync_CancelledThroughWithCancellation_StopsFurtherRequests()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(9));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 3 }, CancellationToken.None).AsPages().WithCancellation(cts.Token))
            {
                await cts.CancelAsync();
            }
        });

        Assert.Equal([1], list.PagesRequested());
    }

    [Fact]
    public async Task ListAutoPagingAsync_NotEnumerated_SendsNothing()
    {
        using var stub = new CrmStub();
        _ = new LiveEntryList(stub, LiveEntryList.Ids(3));

        _ = stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 3 }, Ct);

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task AsPages_WalksPagesWithTotalsAndTokens_LastPageHasNoToken()
    {
        using var stub = new CrmStub();
        _ = new LiveEntryList(stub, LiveEntryList.Ids(7));

        var pages = new List<CrmPage<Entry>>();
        await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).AsPages(pageSizeHint: 3))
        {
            pages.Add(page);
        }

        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber));
        Assert.All(pages, p => Assert.Equal(3, p.LastPage));
        Assert.All(pages, p => Assert.Equal(7, p.Total));
        Assert.All(pages, p => Assert.Equal(3, p.PerPage));
        Assert.Equal([3, 3, 1], pages.Select(p => p.Values.Count));
        Assert.True(pages[0].HasMore);
        Assert.NotNull(pages[1].ContinuationToken);
        Assert.Null(pages[2].ContinuationToken);
        Assert.False(pages[2].HasMore);
    }

    [Fact]
    public async Task AsPages_ResumeFromToken_StartsAtTheNextPageWithTheSamePageSize()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(9));
        var options = new EntryListOptions { PerPage = 3, PipelineId = 1 };
        string? token = null;
        await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, options, Ct).AsPages())
        {
            token = page.ContinuationToken;
            break; // the process stops here and persists the token
        }

        stub.Server.ResetLogEntries();
        var rest = new List<string>();
        await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PipelineId = 1 }, Ct).AsPages(token, pageSizeHint: 50))
        {
            rest.AddRange(page.Values.Select(e => e.Id));
        }

        Assert.Equal(["e6", "e5", "e4", "e3", "e2", "e1"], rest);
        Assert.Equal(
            [
                new Dictionary<string, string> { ["page"] = "2", ["per_page"] = "3", ["pipeline_id"] = "1" },
                new Dictionary<string, string> { ["page"] = "3", ["per_page"] = "3", ["pipeline_id"] = "1" },
            ],
            list.Queries());
    }

    [Fact]
    public async Task AsPages_ResumeAfterInsertWhileStopped_DropsTheRowYieldedBeforeThePause()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(6));
        var first = new List<string>();
        string? token = null;
        await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 3 }, Ct).AsPages())
        {
            first.AddRange(page.Values.Select(e => e.Id));
            token = page.ContinuationToken;
            break;
        }

        list.Insert("e7");
        var rest = new List<string>();
        await foreach (var entry in ResumeValues(stub, token!))
        {
            rest.Add(entry);
        }

        Assert.Equal(["e6", "e5", "e4"], first);
        Assert.Equal(["e3", "e2", "e1"], rest);
    }

    private static async IAsyncEnumerable<string> ResumeValues(CrmStub stub, string token)
    {
        await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).AsPages(token))
        {
            foreach (var entry in page.Values)
            {
                yield return entry.Id;
            }
        }
    }

    [Fact]
    public async Task AsPages_TokenOfOtherFilters_ThrowsBeforeSending()
    {
        using var stub = new CrmStub();
        _ = new LiveEntryList(stub, LiveEntryList.Ids(9));
        string? token = null;
        await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 3, StageId = 1 }, Ct).AsPages())
        {
            token = page.ContinuationToken;
            break;
        }

        stub.Server.ResetLogEntries();
        var ex = Assert.Throws<ArgumentException>(() => stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { StageId = 2 }, Ct).AsPages(token));

        Assert.Equal("continuationToken", ex.ParamName);
        Assert.Contains("other filters", ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("AQAAAA")]
    [InlineData("")]
    public void AsPages_DamagedToken_ThrowsArgumentException(string token)
    {
        using var stub = new CrmStub();

        var ex = Assert.Throws<ArgumentException>(() => stub.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).AsPages(token));

        Assert.Equal("continuationToken", ex.ParamName);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void AsPages_PageSizeHintOutOfRange_ThrowsBeforeSending(int hint)
    {
        using var stub = new CrmStub();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => stub.Client.Entries.ListAutoPagingAsync(1, cancellationToken: Ct).AsPages(pageSizeHint: hint));

        Assert.Equal("pageSizeHint", ex.ParamName);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void ListAutoPagingAsync_PerPageOutOfRange_ThrowsBeforeSending(int perPage)
    {
        using var stub = new CrmStub();

        Assert.Throws<ArgumentOutOfRangeException>(() => stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = perPage }, Ct));

        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task FromPages_ForMocks_YieldsValuesAndResumesAfterToken()
    {
        var pageable = CrmAsyncPageable<string>.FromPages(
        [
            new CrmPage<string> { Values = ["a", "b"], PageNumber = 1, LastPage = 2, ContinuationToken = "t1" },
            new CrmPage<string> { Values = ["c"], PageNumber = 2, LastPage = 2 },
        ]);

        var all = new List<string>();
        await foreach (var value in pageable.WithCancellation(Ct))
        {
            all.Add(value);
        }

        var resumed = new List<int>();
        await foreach (var page in pageable.AsPages("t1").WithCancellation(Ct))
        {
            resumed.Add(page.PageNumber);
        }

        Assert.Equal(["a", "b", "c"], all);
        Assert.Equal([2], resumed);
    }

    [Fact]
    public async Task ListAutoPagingAsync_EmulatorManyPages_YieldsEveryEntryOnce()
    {
        await using var crm = await EmulatorClient.CreateAsync();
        for (var i = 0; i < 23; i++)
        {
            await crm.Client.Entries.CreateAsync(crm.Leads.Id, crm.Lead($"c{i}"), Ct);
        }

        var ids = await IdsAsync(crm.Client.Entries.ListAutoPagingAsync(crm.Leads.Id, new EntryListOptions { PerPage = 5 }, Ct));

        Assert.Equal(23, ids.Distinct().Count());
        Assert.Equal(5, crm.Emulator.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/entries", StringComparison.Ordinal)));
    }
}
