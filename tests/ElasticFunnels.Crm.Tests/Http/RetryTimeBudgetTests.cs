using System.Net;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// A <c>Retry-After</c> is honoured only when the wait fits what is left of the call's total timeout: the
/// time the call has already spent counts against it. On a fake clock, so the arithmetic is exact.
/// </summary>
public sealed class RetryTimeBudgetTests
{
    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ElasticFunnelsCrmClient Client(AnsweringHandler handler, FakeTimeProvider clock, TimeSpan timeout) =>
        new(CrmClientRuntime.Create(
            TestOptions.For(BaseAddress, o =>
            {
                o.RateLimit.Mode = CrmRateLimitMode.Off;
                o.CircuitBreaker.Enabled = false;
                o.Timeout = timeout;
                o.AttemptTimeout = timeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromHours(1) : timeout;
                o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(30);
            }),
            clock),
            handler,
            disposeHandler: true);

    /// <summary>Answers the first attempt after <paramref name="spent"/> on the fake clock with <paramref name="status"/> and a Retry-After, the next ones with an entity.</summary>
    private static AnsweringHandler FirstAnswerAfter(FakeTimeProvider clock, TimeSpan spent, int status, int retryAfterSeconds)
    {
        var attempts = 0;
        return new AnsweringHandler(_ =>
        {
            if (Interlocked.Increment(ref attempts) > 1)
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Replies.EntityJson, Encoding.UTF8, "application/json") };
            }

            clock.Advance(spent);
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("""{"message":"Later."}""", Encoding.UTF8, "application/json") };
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        });
    }

    /// <summary>Moves the fake clock on in steps until <paramref name="done"/> holds (the SDK's wait is a timer on that clock).</summary>
    private static async Task AdvanceUntil(FakeTimeProvider clock, TimeSpan step, Func<bool> done)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (!done())
        {
            clock.Advance(step);
            await Task.Delay(10, patience.Token);
        }
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task GetAsync_RetryAfterLongerThanWhatIsLeftOfTheTimeout_AnswerReturnedWithoutWaiting(int status)
    {
        // 8 of the 10 seconds are spent when the server asks for 5 more.
        var clock = new FakeTimeProvider();
        var handler = FirstAnswerAfter(clock, TimeSpan.FromSeconds(8), status, retryAfterSeconds: 5);
        using var client = Client(handler, clock, TimeSpan.FromSeconds(10));

        // Time keeps moving, so a call that chose to wait would run into its total timeout instead of hanging.
        var call = client.Entities.GetAsync(1, Ct);
        await AdvanceUntil(clock, TimeSpan.FromSeconds(1), () => call.IsCompleted);
        var ex = await Assert.ThrowsAnyAsync<CrmApiException>(() => call);

        Assert.Equal(status, (int)ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), ex.Error.RetryAfter);
        Assert.Equal(1, handler.Requests);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task GetAsync_RetryAfterWithinWhatIsLeftOfTheTimeout_RetriedAfterTheWait(int status)
    {
        // 8 of the 60 seconds are spent when the server asks for 5 more.
        var clock = new FakeTimeProvider();
        var handler = FirstAnswerAfter(clock, TimeSpan.FromSeconds(8), status, retryAfterSeconds: 5);
        using var client = Client(handler, clock, TimeSpan.FromSeconds(60));

        var call = client.Entities.GetAsync(1, Ct);
        await AdvanceUntil(clock, TimeSpan.FromSeconds(1), () => call.IsCompleted);

        Assert.Equal("Leads", (await call).Name);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task GetAsync_NoTotalTimeoutAndRetryAfterWithinTheCap_RetriedAfterTheWait()
    {
        var clock = new FakeTimeProvider();
        var handler = FirstAnswerAfter(clock, TimeSpan.Zero, 503, retryAfterSeconds: 25);
        using var client = Client(handler, clock, Timeout.InfiniteTimeSpan);

        var call = client.Entities.GetAsync(1, Ct);
        await AdvanceUntil(clock, TimeSpan.FromSeconds(5), () => call.IsCompleted);

        Assert.Equal("Leads", (await call).Name);
        Assert.Equal(2, handler.Requests);
    }
}
