using System.Net;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// A call with its own <see cref="CrmRequestOptions.Timeout"/> but no attempt timeout of its own: a client that
/// limits attempts on purpose (an attempt timeout shorter than its total timeout, or any attempt timeout when the
/// total is infinite) keeps that limit; otherwise one attempt may use the whole timeout of the call. The server
/// answers after 30 s on a fake clock, so which limit applied is what the caller sees.
/// </summary>
public sealed class PerCallAttemptTimeoutTests
{
    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static readonly TimeSpan ServerTakes = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ElasticFunnelsCrmClient Client(HttpMessageHandler handler, FakeTimeProvider clock, TimeSpan timeout, TimeSpan attemptTimeout) =>
        new(CrmClientRuntime.Create(
            TestOptions.For(BaseAddress, o =>
            {
                TestOptions.NoRetries(o);
                o.CircuitBreaker.Enabled = false;
                o.Timeout = timeout;
                o.AttemptTimeout = attemptTimeout;
            }),
            clock),
            handler,
            disposeHandler: true);

    /// <summary>Answers with an entity once <see cref="ServerTakes"/> has passed on the fake clock.</summary>
    private sealed class SlowServer(FakeTimeProvider clock) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(ServerTakes, clock, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(Replies.EntityJson, Encoding.UTF8, "application/json") };
        }
    }

    private static async Task<Task<CrmEntity>> RunToEnd(FakeTimeProvider clock, Func<Task<CrmEntity>> start)
    {
        var call = start();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (!call.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, patience.Token);
        }

        return call;
    }

    private static readonly CrmRequestOptions SixtySeconds = new() { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Timeout_PerCall_ClientAttemptTimeoutShorterThanItsTimeout_KeepsTheClientsAttemptLimit()
    {
        var clock = new FakeTimeProvider();
        using var client = Client(new SlowServer(clock), clock, timeout: TimeSpan.FromSeconds(100), attemptTimeout: TimeSpan.FromSeconds(5));

        var call = await RunToEnd(clock, () => client.Entities.GetAsync(1, SixtySeconds, Ct));

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => call);
        Assert.Equal("GET /api/brands/42/crm/entities/1 did not complete within 5 s (ElasticFunnelsCrmOptions.AttemptTimeout, the budget of one attempt).", ex.Message);
    }

    [Fact]
    public async Task Timeout_PerCall_ClientWithoutTotalTimeoutButWithAnAttemptTimeout_KeepsTheClientsAttemptLimit()
    {
        var clock = new FakeTimeProvider();
        using var client = Client(new SlowServer(clock), clock, timeout: Timeout.InfiniteTimeSpan, attemptTimeout: TimeSpan.FromSeconds(5));

        var call = await RunToEnd(clock, () => client.Entities.GetAsync(1, SixtySeconds, Ct));

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => call);
        Assert.Equal("GET /api/brands/42/crm/entities/1 did not complete within 5 s (ElasticFunnelsCrmOptions.AttemptTimeout, the budget of one attempt).", ex.Message);
    }

    [Fact]
    public async Task Timeout_PerCall_ClientAttemptTimeoutEqualToItsTimeout_OneAttemptMayUseTheWholeCallTimeout()
    {
        var clock = new FakeTimeProvider();
        using var client = Client(new SlowServer(clock), clock, timeout: TimeSpan.FromSeconds(10), attemptTimeout: TimeSpan.FromSeconds(10));

        var call = await RunToEnd(clock, () => client.Entities.GetAsync(1, SixtySeconds, Ct));

        Assert.Equal("Leads", (await call).Name);
    }

    [Fact]
    public async Task Timeout_PerCall_ClientAttemptTimeoutShorterThanThePerCallTimeoutButNotThanItsOwn_AttemptUsesTheCallTimeout()
    {
        // The client's attempt timeout (20 s) is longer than its total (10 s): it limits nothing, so the call's 60 s apply.
        var clock = new FakeTimeProvider();
        using var client = Client(new SlowServer(clock), clock, timeout: TimeSpan.FromSeconds(10), attemptTimeout: TimeSpan.FromSeconds(20));

        var call = await RunToEnd(clock, () => client.Entities.GetAsync(1, SixtySeconds, Ct));

        Assert.Equal("Leads", (await call).Name);
    }
}
