using System.Net;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// Polly's own events are logged with the name of the SDK strategy that raised them (Retry, CircuitBreaker,
/// AttemptTimeout), so an operator can filter the logs by it.
/// </summary>
public sealed class ResilienceEventLogTests
{
    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ElasticFunnelsCrmClient Client(HttpMessageHandler handler, ILoggerFactory loggerFactory, FakeTimeProvider clock, Action<ElasticFunnelsCrmOptions> configure) =>
        new(CrmClientRuntime.Create(TestOptions.For(BaseAddress, o => { TestOptions.NoRetries(o); configure(o); }), clock, loggerFactory), handler, disposeHandler: true);

    [Fact]
    public async Task CircuitOpens_LoggedUnderTheStrategyNameCircuitBreaker()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var handler = new AnsweringHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"message":"Down."}""", Encoding.UTF8, "application/json") });
        using var client = Client(handler, loggerFactory, new FakeTimeProvider(), o =>
        {
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
        });

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAnyAsync<CrmException>(() => client.Entities.GetAsync(1, Ct));
        }

        Assert.Contains(logs.Records, r => r.Contains("OnCircuitOpened", StringComparison.Ordinal) && r.Contains("/CircuitBreaker'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AttemptTimesOut_LoggedUnderTheStrategyNameAttemptTimeout()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var clock = new FakeTimeProvider();
        var handler = new HoldUntilCancelled();
        using var client = Client(handler, loggerFactory, clock, o =>
        {
            o.CircuitBreaker.Enabled = false;
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
        });

        var call = client.Entities.GetAsync(1, Ct);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (!call.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, patience.Token);
        }

        await Assert.ThrowsAsync<CrmTimeoutException>(() => call);
        Assert.Contains(logs.Records, r => r.Contains("OnTimeout", StringComparison.Ordinal) && r.Contains("/AttemptTimeout'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetryAfterA503_LoggedUnderTheStrategyNameRetry()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var clock = new FakeTimeProvider();
        var answers = 0;
        var handler = new AnsweringHandler(_ => Interlocked.Increment(ref answers) == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"message":"Down."}""", Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":1,"name":"Leads"}""", Encoding.UTF8, "application/json") });
        using var client = Client(handler, loggerFactory, clock, o =>
        {
            o.CircuitBreaker.Enabled = false;
            o.Retry.MaxRetryAttempts = 1;
        });

        var call = client.Entities.GetAsync(1, Ct);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (!call.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, patience.Token);
        }

        Assert.Equal(1, (await call).Id);
        Assert.Equal(2, answers);
        Assert.Contains(logs.Records, r => r.Contains("OnRetry", StringComparison.Ordinal) && r.Contains("/Retry'", StringComparison.Ordinal));
    }

    private sealed class HoldUntilCancelled : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Not reached.");
        }
    }
}
