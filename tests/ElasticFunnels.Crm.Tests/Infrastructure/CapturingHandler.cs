using System.Net;
using System.Text;

namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>An innermost handler that records each request exactly as the SDK hands it to the network, and answers with fixed JSON.</summary>
public sealed class CapturingHandler(string json = """{"id":"e1","title":"x"}""") : HttpMessageHandler
{
    private readonly List<HttpRequestMessage> _requests = [];
    private readonly List<string?> _bodies = [];

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

    /// <summary>The body of each request, read as the request was sent (the SDK disposes the content afterwards).</summary>
    public IReadOnlyList<string?> Bodies
    {
        get
        {
            lock (_requests)
            {
                return [.. _bodies];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        lock (_requests)
        {
            _requests.Add(request);
            _bodies.Add(body);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
