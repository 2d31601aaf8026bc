using System.Net;
using ElasticFunnels.Crm.Tests.RateLimiting;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// The <see cref="CrmRateLimitException"/> of a call its key's budget could not give a place: before the first
/// attempt nothing was sent (status 0, no response); on a retry the call has been answered already, so the
/// error names the request, says 429 and keeps the attempts made.
/// </summary>
public sealed class BudgetRefusalErrorTests
{
    private const string Sentence = "its place in the access key's request budget is 10 s away, longer than what is left of the call's timeout (ElasticFunnelsCrmOptions.Timeout). Try again later, or give the call a longer timeout.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void OnePermitPerTenSeconds(ElasticFunnelsCrmOptions options)
    {
        options.Timeout = TimeSpan.FromSeconds(5);
        options.RateLimit.Mode = CrmRateLimitMode.Fixed;
        options.RateLimit.PermitLimit = 1;
        options.RateLimit.Window = TimeSpan.FromSeconds(10);
    }

    [Fact]
    public async Task GetAsync_NoPlaceBeforeTheFirstAttempt_NoStatusAndNoResponse()
    {
        await using var harness = new BudgetHarness();
        var crm = harness.Client(OnePermitPerTenSeconds);
        await crm.Entities.GetAsync(1, Ct);

        var ex = await Assert.ThrowsAsync<CrmRateLimitException>(() => crm.Entities.GetAsync(1, Ct));

        Assert.Equal("The call to the ElasticFunnels CRM API (Entities.Get) was not sent: " + Sentence, ex.Message);
        Assert.Equal((HttpStatusCode)0, ex.StatusCode);
        Assert.Null(ex.RawResponse);
        Assert.Equal(string.Empty, ex.Error.Method);
        Assert.Equal(1, harness.ServerRequests);
    }

    [Fact]
    public async Task GetAsync_NoPlaceForTheRetry_NamesTheRequestWith429AndTheAttemptsMade()
    {
        await using var harness = new BudgetHarness();
        var crm = harness.Client(OnePermitPerTenSeconds);
        harness.Emulator.Faults.FailNext(1, 503);

        var call = crm.Entities.GetAsync(1, Ct);
        await harness.UntilServerSawAsync(1);
        await BudgetHarness.SettleAsync();
        await harness.AdvanceAsync(TimeSpan.FromMilliseconds(10)); // the retry's 1 ms back-off, on the fake clock

        var ex = await Assert.ThrowsAsync<CrmRateLimitException>(() => call);
        Assert.Equal("GET /api/brands/42/crm/entities/1 was not sent: " + Sentence, ex.Message);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.InRange(ex.RetryAfter!.Value, TimeSpan.FromSeconds(9.99), TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.RawResponse!.StatusCode);
        Assert.Equal(1, ex.RawResponse.Attempts);
        Assert.Equal("GET", ex.RawResponse.Method);
        Assert.Equal("/api/brands/42/crm/entities/1", ex.RawResponse.Path);
        Assert.Equal(1, harness.ServerRequests);
    }
}
