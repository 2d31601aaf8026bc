using System.Net;
using System.Text;

namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>An innermost handler that records each request exactly as the SDK hands it to the network, and answers with fixed JSON.</summary>
public sealed class CapturingHandler(string json = """{"id":"e1","title":"x"}""") : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];

    public IReadOnlyList<HttpRequestMessage> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
