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

    [Fact]
    public async Task CreateAsync_DelayBeyondAttemptTimeout_SentOnceThenTimeout()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        using var stub = new CrmStub(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        stub.Sequence("POST", Delayed(delay, 201));

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => stub.Client.Entities.CreateAsync(NewEntity(), Ct));

        Assert.Equal("POST /api/brands/42/crm/entities did not complete within 0.1 s (ElasticFunnelsCrmOptions.AttemptTimeout, the budget of one attempt).", ex.Message);
        await Task.Delay(delay * 2, Ct); // WireMock logs a request once its delayed response is written.
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task GetAsync_DelayBeyondAttemptTimeout_RetriedThenTimeout()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        using var stub = new CrmStub(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.Retry.MaxRetryAttempts = 2;
        });
        stub.Sequence("GET", Delayed(delay));

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.EndsWith("(ElasticFunnelsCrmOptions.AttemptTimeout, the budget of one attempt) (after 3 attempts).", ex.Message);
        await Task.Delay(delay * 2, Ct);
        Assert.Equal(3, stub.Requests.Count);
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
