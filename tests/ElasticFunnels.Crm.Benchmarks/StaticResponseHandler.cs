using System.Net;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// Answers every request with the same JSON bytes, as a stream (like a network response, not a
/// pre-buffered array), so the SDK and the hand-written baseline read exactly the same thing.
/// </summary>
public sealed class StaticResponseHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new StreamContent(new MemoryStream(body, writable: false));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = body.Length;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
