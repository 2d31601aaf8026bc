using System.Net;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>A call its key's request budget stopped before anything was sent: its error names no request, path or route, and has no raw response.</summary>
public sealed class NotSentCallErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_BudgetPlaceBeyondTheTimeout_ErrorHasEmptyMethodPathAndTemplate()
    {
        var handler = new AnsweringHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Replies.EntityJson, Encoding.UTF8, "application/json") });
        var options = TestOptions.For(new Uri("https://api.example.test/api/"), o =>
        {
            o.Timeout = TimeSpan.FromSeconds(5);
            o.CircuitBreaker.Enabled = false;
            o.RateLimit.Mode = CrmRateLimitMode.Fixed;
            o.RateLimit.PermitLimit = 1;
            o.RateLimit.Window = TimeSpan.FromSeconds(10);
        });
        using var client = new ElasticFunnelsCrmClient(CrmClientRuntime.Create(options, new FakeTimeProvider()), handler, disposeHandler: true);

        await client.Entities.GetAsync(1, Ct);
        var ex = await Assert.ThrowsAsync<CrmRateLimitException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal(1, handler.Requests);
        Assert.Equal(string.Empty, ex.Error.Method);
        Assert.Equal(string.Empty, ex.Error.Path);
        Assert.Equal(string.Empty, ex.Error.PathTemplate);
        Assert.Null(ex.RawResponse);
    }
}
