using System.Diagnostics;
using System.Globalization;
using ElasticFunnels.Crm.Tests.Infrastructure;
using static ElasticFunnels.Crm.Tests.Infrastructure.Replies;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>Responses delayed beyond the attempt and total timeouts; WireMock logs a request once its delayed answer is written, so counts are read after the delay.</summary>
public sealed class TimeoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EntityCreateRequest NewEntity() => new() { Name = "Leads", Slug = "leads" };

    /// <summary>
    /// One call to another path first, so the connection is open and the code is compiled: on a loaded
    /// machine the first call alone can take longer than the 100 ms attempt budgets these tests use.
    /// </summary>
    private static async Task WarmUp(CrmStub stub)
    {
        stub.Respond("GET", "/api/brands/42/crm/entity-presets", json: """{"presets":[]}""");
        await stub.Client.Presets.ListAsync(new CrmRequestOptions { AttemptTimeout = TimeSpan.FromSeconds(10) }, Ct);
    }

    private static int Sent(CrmStub stub, string method) => stub.Requests.Count(r => r.RequestMessage!.Method == method);

    /// <summary>
    /// WireMock logs a request only once its delayed answer is written: wait (up to 10 s, for a loaded
    /// machine) until the expected count is logged, then one more delay so that an extra request would show.
    /// </summary>
    private static async Task SettledRequestCount(CrmStub stub, int expected, TimeSpan delay)
    {
        var clock = Stopwatch.StartNew();
        while (stub.Requests.Count < expected && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, Ct);
        }

        await Task.Delay(delay, Ct);
    }

    [Fact]
    public async Task CreateAsync_DelayBeyondAttemptTimeout_SentOnceThenTimeout()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        using var stub = new CrmStub(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        await WarmUp(stub);
        stub.Sequence("POST", Delayed(delay, 201));

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => stub.Client.Entities.CreateAsync(NewEntity(), Ct));

        Assert.Equal("POST /api/brands/42/crm/entities did not complete within 0.1 s (ElasticFunnelsCrmOptions.AttemptTimeout, the budget of one attempt).", ex.Message);
        await SettledRequestCount(stub, expected: 2, delay);
        Assert.Equal(1, Sent(stub, "POST"));
    }

    [Fact]
    public async Task DeleteAsync_DelayBeyondAttemptTimeout_RetriedThenTimeout()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        using var stub = new CrmStub(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.Retry.MaxRetryAttempts = 2;
        });
        await WarmUp(stub);
        stub.Sequence("DELETE", Delayed(delay, 204));

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => stub.Client.Entities.DeleteAsync(1, Ct));

        Assert.EndsWith("(ElasticFunnelsCrmOptions.AttemptTimeout, the budget of one attempt) (after 3 attempts).", ex.Message);
        await SettledRequestCount(stub, expected: 4, delay);
        Assert.Equal(3, Sent(stub, "DELETE"));
    }

    [Fact]
    public async Task GetAsync_DelayBeyondTotalTimeout_TimesOutWithTheCallsBudget()
    {
        using var stub = new CrmStub(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        });
        stub.Sequence("GET", Delayed(TimeSpan.FromMilliseconds(900)));
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Contains("within 0.3 s (ElasticFunnelsCrmOptions.Timeout, the budget of the whole call)", ex.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"Took {clock.Elapsed}.");
    }
}
