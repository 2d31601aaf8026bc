using System.Net;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// A <c>Retry-After</c> given as a date is measured against the answer's own <c>Date</c> header, so a server
/// whose clock is off still gets the wait it meant; a date already past is no wait at all, never a negative one.
/// </summary>
public sealed class RetryAfterDateTests
{
    // Years ago: measured against our clock instead of the server's, every wait here would be zero.
    private static readonly DateTimeOffset ServerNow = new(2020, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<CrmApiException> AnswerWith(string retryAfter, DateTimeOffset? date) =>
        AnswerWith(headers =>
        {
            headers.TryAddWithoutValidation("Retry-After", retryAfter);
            headers.Date = date;
        });

    private static async Task<CrmApiException> AnswerWith(Action<System.Net.Http.Headers.HttpResponseHeaders> setHeaders)
    {
        var handler = new AnsweringHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"message":"Down."}""", Encoding.UTF8, "application/json") };
            setHeaders(response.Headers);
            return response;
        });
        var options = TestOptions.For(new Uri("https://api.example.test/api/"), o => { TestOptions.NoRetries(o); o.CircuitBreaker.Enabled = false; });
        using var client = new ElasticFunnelsCrmClient(CrmClientRuntime.Create(options), handler, disposeHandler: true);
        return await Assert.ThrowsAsync<CrmApiException>(() => client.Entities.GetAsync(1, Ct));
    }

    private static string Http(DateTimeOffset at) => at.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task GetAsync_RetryAfterDateWithServerDate_WaitMeasuredOnTheServersClock()
    {
        var ex = await AnswerWith(Http(ServerNow.AddSeconds(45)), ServerNow);

        Assert.Equal(TimeSpan.FromSeconds(45), ex.Error.RetryAfter);
        Assert.EndsWith(" The server asked to retry after 45 s (Retry-After).", ex.Message);
    }

    [Fact]
    public async Task GetAsync_RetryAfterDateBeforeServerDate_NoWait()
    {
        var ex = await AnswerWith(Http(ServerNow.AddSeconds(-45)), ServerNow);

        Assert.Equal(TimeSpan.Zero, ex.Error.RetryAfter);
    }

    [Fact]
    public async Task GetAsync_RetryAfterDateWithoutServerDate_MeasuredOnOurClock()
    {
        var ex = await AnswerWith(Http(DateTimeOffset.UtcNow.AddHours(1)), null);

        Assert.InRange(ex.Error.RetryAfter!.Value, TimeSpan.FromMinutes(50), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task GetAsync_NegativeDelayFromAnInnerHandler_NoWait()
    {
        var ex = await AnswerWith(headers => headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(-5)));

        Assert.Equal(TimeSpan.Zero, ex.Error.RetryAfter);
    }

    [Fact]
    public void CrmApiException_RetryAfterDateAndDateHeaders_WaitMeasuredOnTheServersClock()
    {
        var headers = new Dictionary<string, string> { ["Retry-After"] = Http(ServerNow.AddSeconds(90)), ["Date"] = Http(ServerNow) };

        var ex = CrmModelFactory.CrmApiException(HttpStatusCode.ServiceUnavailable, headers: headers);

        Assert.Equal(TimeSpan.FromSeconds(90), ex.Error.RetryAfter);
    }

    [Fact]
    public void CrmApiException_RetryAfterDateBeforeDateHeader_NoWait()
    {
        var headers = new Dictionary<string, string> { ["Retry-After"] = Http(ServerNow.AddSeconds(-90)), ["Date"] = Http(ServerNow) };

        var ex = CrmModelFactory.CrmApiException(HttpStatusCode.TooManyRequests, headers: headers);

        Assert.Equal(TimeSpan.Zero, ex.Error.RetryAfter);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    public void CrmApiException_MalformedRetryAfter_NoWaitKnown(string retryAfter)
    {
        var ex = CrmModelFactory.CrmApiException(HttpStatusCode.TooManyRequests, headers: new Dictionary<string, string> { ["Retry-After"] = retryAfter });

        Assert.Null(ex.Error.RetryAfter);
    }
}
