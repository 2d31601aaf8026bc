using System.Net;
using ElasticFunnels.Crm.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>The retry decision, method by outcome: POST only when the server certainly did not process it.</summary>
public sealed class RetryClassifierTests
{
    private static readonly string[] Idempotent = ["GET", "PUT", "DELETE"];

    public static TheoryData<string, int, bool> Statuses()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var method in Idempotent)
        {
            foreach (var status in new[] { 408, 429, 500, 502, 503, 504 })
            {
                data.Add(method, status, true);
            }

            foreach (var status in new[] { 200, 201, 204, 302, 400, 401, 403, 404, 409, 422, 501, 505 })
            {
                data.Add(method, status, false);
            }
        }

        data.Add("POST", 429, true);
        foreach (var status in new[] { 200, 400, 401, 404, 408, 409, 422, 500, 502, 503, 504 })
        {
            data.Add("POST", status, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void ShouldRetry_Status_RetriesOnlyWhatIsSafe(string method, int status, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(expected, Decide(method, Outcome.FromResult(response)));
    }

    public static TheoryData<string, string, bool> Exceptions()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var method in Idempotent)
        {
            data.Add(method, "connect", true);
            data.Add(method, "dns", true);
            data.Add(method, "tls", true);
            data.Add(method, "response-ended", true);
            data.Add(method, "reset", true);
            data.Add(method, "attempt-timeout", true);
            data.Add(method, "too-large", false);
            data.Add(method, "cancelled", false);
        }

        data.Add("POST", "connect", true);
        data.Add("POST", "dns", true);
        data.Add("POST", "tls", true);
        data.Add("POST", "response-ended", false);
        data.Add("POST", "reset", false);
        data.Add("POST", "attempt-timeout", false);
        data.Add("POST", "too-large", false);
        data.Add("POST", "cancelled", false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void ShouldRetry_Exception_PostOnlyWhenTheRequestNeverLeft(string method, string failure, bool expected)
    {
        Exception exception = failure switch
        {
            "connect" => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
            "dns" => new HttpRequestException(HttpRequestError.NameResolutionError, "No such host"),
            "tls" => new HttpRequestException(HttpRequestError.SecureConnectionError, "Handshake failed"),
            "response-ended" => new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely"),
            "reset" => new IOException("Connection reset by peer"),
            "attempt-timeout" => new TimeoutRejectedException(TimeSpan.FromSeconds(30)),
            "too-large" => new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "Too large"),
            _ => new OperationCanceledException(),
        };

        Assert.Equal(expected, Decide(method, Outcome.FromException<HttpResponseMessage>(exception)));
    }

    [Fact]
    public void ShouldRetry_RetryAfterWithinCapAndBudget_Retries()
    {
        using var ok = Response429(TimeSpan.FromSeconds(30));
        using var beyondCap = Response429(TimeSpan.FromSeconds(31));
        var infinite = new ElasticFunnelsCrmOptions { Timeout = Timeout.InfiniteTimeSpan, RateLimit = { Mode = CrmRateLimitMode.Off } };

        Assert.True(Decide("GET", Outcome.FromResult(ok)));
        Assert.False(Decide("GET", Outcome.FromResult(beyondCap)));
        Assert.True(Decide("POST", Outcome.FromResult(ok), infinite));
    }

    private static HttpResponseMessage Response429(TimeSpan retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return response;
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public void ShouldRetry_429WithRequestBudgetOn_LeftToTheBudget(string method)
    {
        var withBudget = new ElasticFunnelsCrmOptions();

        Assert.False(Decide(method, Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.TooManyRequests)), withBudget));
        Assert.False(Decide(method, Outcome.FromResult(Response429(TimeSpan.FromSeconds(1))), withBudget));
    }

    private static bool Decide(string method, Outcome<HttpResponseMessage> outcome, ElasticFunnelsCrmOptions? options = null)
    {
        var context = ResilienceContextPool.Shared.Get();
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://example.test/api/");
        context.SetRequestMessage(request);
        try
        {
            // With the request budget off: the retry strategy is then what answers a 429.
            return CrmResiliencePipeline.ShouldRetry(outcome, context, options ?? new ElasticFunnelsCrmOptions { RateLimit = { Mode = CrmRateLimitMode.Off } }, TimeProvider.System);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
