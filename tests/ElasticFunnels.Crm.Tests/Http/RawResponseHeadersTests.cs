using System.Net;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>The raw response of a successful call without a value (a delete) carries every header, not only the logging allow-list.</summary>
public sealed class RawResponseHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeleteWithResponseAsync_Success_HeadersOffTheLoggingAllowListAreKept()
    {
        var handler = new AnsweringHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.NoContent);
            response.Headers.TryAddWithoutValidation("X-Deleted-Items", "3");
            response.Headers.TryAddWithoutValidation("X-Request-Id", "req-7");
            return response;
        });
        using var client = new ElasticFunnelsCrmClient(CrmClientRuntime.Create(TestOptions.For(new Uri("https://api.example.test/api/"), TestOptions.NoRetries)), handler, disposeHandler: true);

        var response = await client.Entities.DeleteWithResponseAsync(1, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("3", response.Headers["x-deleted-items"]);
        Assert.Equal("req-7", response.RequestId);
        Assert.Equal("DELETE", response.Method);
        Assert.Equal("/api/brands/42/crm/entities/1", response.Path);
        Assert.Equal(1, response.Attempts);
    }
}
