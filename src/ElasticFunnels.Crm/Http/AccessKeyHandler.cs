using System.Net.Http.Headers;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Adds <c>EF-Access-Key</c> and <c>Accept: application/json</c> to each request (never through
/// <see cref="HttpClient.DefaultRequestHeaders"/>, which is shared and not thread-safe), and refuses
/// to send the key to any origin other than the configured API origin.
/// </summary>
internal sealed class AccessKeyHandler(ElasticFunnelsCrmOptions options) : DelegatingHandler
{
    public const string HeaderName = "EF-Access-Key";

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly string _accessKey = options.AccessKey ?? string.Empty;
    private readonly Uri _origin = Origin(options.BaseAddress);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Prepare(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Prepare(request);
        return base.Send(request, cancellationToken);
    }

    private void Prepare(HttpRequestMessage request)
    {
        if (request.RequestUri is null || !request.RequestUri.IsAbsoluteUri || Uri.Compare(Origin(request.RequestUri), _origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new InvalidOperationException($"The SDK only sends the access key to {_origin.GetLeftPart(UriPartial.Authority)}; a request to another origin was stopped.");
        }

        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, _accessKey);
        if (!request.Headers.Accept.Contains(Json))
        {
            request.Headers.Accept.Clear();
            request.Headers.Accept.Add(Json);
        }
    }

    private static Uri Origin(Uri uri) => new(uri.GetLeftPart(UriPartial.Authority));
}
