using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Security;

public sealed class TransportRulesTests
{
    [Theory]
    [InlineData("http://app.elasticfunnels.io/api/")]
    [InlineData("http://10.0.0.5/api/")]
    [InlineData("http://localhost.example.com/api/")]
    public void Validator_HttpToANonLoopbackHost_Rejected(string address)
    {
        var failures = ElasticFunnelsCrmOptionsValidator.GetFailures(TestOptions.For(new Uri(address)));

        Assert.Contains(failures, f => f.StartsWith("ElasticFunnelsCrmOptions.BaseAddress must use https for a host that is not loopback", StringComparison.Ordinal) && f.Contains("clear text", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://app.elasticfunnels.io/api/")]
    [InlineData("http://localhost:5000/api/")]
    [InlineData("http://127.0.0.1:5000/api/")]
    [InlineData("http://[::1]:5000/api/")]
    public void Validator_HttpsOrLoopback_Accepted(string address)
    {
        Assert.Empty(ElasticFunnelsCrmOptionsValidator.GetFailures(TestOptions.For(new Uri(address))));
    }

    [Theory]
    [InlineData("https://evil.example.test/api/brands/42/crm/entities")]
    [InlineData("http://api.example.test/api/brands/42/crm/entities")]
    [InlineData("https://api.example.test:8443/api/brands/42/crm/entities")]
    public async Task ApiRequestHandler_RequestToAnotherOrigin_RefusedWithoutSending(string url)
    {
        var inner = new CapturingHandler();
        using var invoker = new HttpMessageInvoker(new ApiRequestHandler(CrmClientRuntime.Create(TestOptions.For(new Uri("https://api.example.test/api/")))) { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal("The SDK only sends the access key to https://api.example.test; a request to another origin was stopped.", ex.Message);
        Assert.Empty(inner.Requests);
        Assert.False(request.Headers.Contains("EF-Access-Key"));
    }

    [Fact]
    public async Task ApiRequestHandler_RequestAlreadyCarryingKeys_SendsExactlyOne()
    {
        var inner = new CapturingHandler();
        using var invoker = new HttpMessageInvoker(new ApiRequestHandler(CrmClientRuntime.Create(TestOptions.For(new Uri("https://api.example.test/api/")))) { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.test/api/brands/42/crm/entities");
        request.Headers.TryAddWithoutValidation("EF-Access-Key", "someone-else");
        request.Headers.TryAddWithoutValidation("EF-Access-Key", "another");

        using var _ = await invoker.SendAsync(request, TestContext.Current.CancellationToken);
        using var again = await invoker.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal([CrmStub.AccessKey], request.Headers.GetValues("EF-Access-Key"));
        Assert.Equal(["application/json"], request.Headers.Accept.Select(a => a.MediaType));
    }

    [Theory]
    [InlineData("EF-Access-Key", true)]
    [InlineData("ef-access-key", true)]
    [InlineData("Authorization", true)]
    [InlineData("Cookie", true)]
    [InlineData("Set-Cookie", true)]
    [InlineData("X-Something-New", true)]
    [InlineData("Content-Type", false)]
    [InlineData("Retry-After", false)]
    [InlineData("traceparent", false)]
    public void LoggedHeaders_AllowList_RedactsEverythingNotKnownSafe(string header, bool redacted)
    {
        Assert.Equal(redacted, LoggedHeaders.ShouldRedact(header));
    }
}
