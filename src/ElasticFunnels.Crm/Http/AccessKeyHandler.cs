namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Adds <c>EF-Access-Key</c> and <c>Accept: application/json</c> to each request (never through
/// <see cref="HttpClient.DefaultRequestHeaders"/>, which is shared and not thread-safe), and refuses
/// to send the key to any origin other than the configured API origin.
/// </summary>
internal sealed class AccessKeyHandler(ElasticFunnelsCrmOptions options) : DelegatingHandler
{
    public const string HeaderName = "EF-Access-Key";

    private readonly string _accessKey = options.AccessKey ?? string.Empty;
    private readonly Uri _origin = options.BaseAddress;

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
        if (!IsApiOrigin(request.RequestUri))
        {
            throw new InvalidOperationException($"The SDK only sends the access key to {_origin.GetLeftPart(UriPartial.Authority)}; a request to another origin was stopped.");
        }

        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, _accessKey);
        // The SDK reads JSON only; replacing the header (rather than parsing what is there) keeps it cheap.
        request.Headers.Remove("Accept");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
    }

    // Compared part by part: building a Uri per request to compare origins costs more than the rest of this handler.
    private bool IsApiOrigin(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && string.Equals(uri.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _origin.Port
        && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase);
}
