using System.Net;
using ElasticFunnels.Crm.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// Edges of the retry decision not covered by <see cref="RetryClassifierTests"/>: a 5xx Retry-After exactly at
/// the cap, a request the SDK's runner did not start (its budget is the client's whole Timeout), and an inner
/// handler that answers with no response at all.
/// </summary>
public sealed class ResilienceRetryDecisionEdgeTests
{
    private static HttpResponseMessage Answer(HttpStatusCode status, TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return response;
    }

    private static bool Decide(Outcome<HttpResponseMessage> outcome, ElasticFunnelsCrmOptions options)
    {
        var context = ResilienceContextPool.Shared.Get();
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.test/api/");
        context.SetRequestMessage(request);
        try
        {
            return CrmResiliencePipeline.ShouldRetry(outcome, context, options, TimeProvider.System);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ElasticFunnelsCrmOptions Options(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        RateLimit = { Mode = CrmRateLimitMode.Off },
        Retry = { MaxRetryAfter = TimeSpan.FromSeconds(30) },
    };

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    public void ShouldRetry_ServerErrorWithRetryAfterEqualToTheCap_Retries(int status)
    {
        using var atCap = Answer((HttpStatusCode)status, TimeSpan.FromSeconds(30));
        using var overCap = Answer((HttpStatusCode)status, TimeSpan.FromSeconds(31));
        var options = Options(Timeout.InfiniteTimeSpan);

        Assert.True(Decide(Outcome.FromResult(atCap), options));
        Assert.False(Decide(Outcome.FromResult(overCap), options));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public void ShouldRetry_RequestWithoutCall_RetryAfterBeyondTheClientsTimeoutButWithinTheCap_NotRetried(HttpStatusCode status)
    {
        using var beyond = Answer(status, TimeSpan.FromSeconds(20));
        using var within = Answer(status, TimeSpan.FromSeconds(5));
        var options = Options(TimeSpan.FromSeconds(10));

        Assert.False(Decide(Outcome.FromResult(beyond), options));
        Assert.True(Decide(Outcome.FromResult(within), options));
    }

    [Fact]
    public void ShouldRetry_NoResponseAndNoException_NotRetried()
    {
        Assert.False(Decide(Outcome.FromResult<HttpResponseMessage>(null!), Options(TimeSpan.FromSeconds(10))));
    }
}
