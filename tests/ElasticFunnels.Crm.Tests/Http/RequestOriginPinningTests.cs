using System.Net;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// The handler that adds the access key sends it only to the configured origin (scheme, host and port), and
/// prepares a request the same way whether it is sent asynchronously or synchronously.
/// </summary>
public sealed class RequestOriginPinningTests
{
    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Answers 200 to both sync and async sends, and keeps the requests.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }

    private static (HttpMessageInvoker Invoker, Recorder Recorder) Chain()
    {
        var recorder = new Recorder();
        var runtime = CrmClientRuntime.Create(TestOptions.For(BaseAddress));
        return (new HttpMessageInvoker(new ApiRequestHandler(runtime) { InnerHandler = recorder }), recorder);
    }

    [Theory]
    [InlineData("https://evil.example.test/api/brands/42/crm/entities")]
    [InlineData("http://api.example.test/api/brands/42/crm/entities")]
    [InlineData("https://api.example.test:8443/api/brands/42/crm/entities")]
    public async Task SendAsync_AbsoluteAddressOfAnotherOrigin_StoppedBeforeTheKeyIsAdded(string address)
    {
        var (invoker, recorder) = Chain();
        using var _ = invoker;
        using var request = new HttpRequestMessage(HttpMethod.Get, address);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, Ct));

        Assert.Equal("The SDK only sends the access key to https://api.example.test; a request to another origin was stopped.", ex.Message);
        Assert.Empty(recorder.Requests);
        Assert.False(request.Headers.Contains(ApiRequestHandler.AccessKeyHeader));
    }

    [Fact]
    public void Send_Synchronously_KeyAndAcceptSetAndOriginPinned()
    {
        var (invoker, recorder) = Chain();
        using var _ = invoker;
        using var ours = new HttpRequestMessage(HttpMethod.Get, "https://API.example.test/api/brands/42/crm/entities");
        ours.Headers.TryAddWithoutValidation("Accept", "text/html");
        using var theirs = new HttpRequestMessage(HttpMethod.Get, "https://evil.example.test/api/");

        using var response = invoker.Send(ours, Ct);
        var ex = Assert.Throws<InvalidOperationException>(() => invoker.Send(theirs, Ct));

        var sent = Assert.Single(recorder.Requests);
        Assert.Equal([CrmStub.AccessKey], sent.Headers.GetValues(ApiRequestHandler.AccessKeyHeader));
        Assert.Equal(["application/json"], sent.Headers.GetValues("Accept"));
        Assert.StartsWith("The SDK only sends the access key to https://api.example.test;", ex.Message, StringComparison.Ordinal);
    }
}
