namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Prepares every attempt just before it leaves the SDK: refuses any origin other than the configured
/// one, sets <c>EF-Access-Key</c> and <c>Accept: application/json</c> (per request, never through the
/// shared and non-thread-safe <see cref="HttpClient.DefaultRequestHeaders"/>), adds the call's extra
/// headers, and counts the attempt on its <see cref="CrmCall"/>.
/// </summary>
internal sealed class ApiRequestHandler(CrmClientRuntime runtime) : DelegatingHandler
{
    public const string AccessKeyHeader = "EF-Access-Key";

    private readonly string _accessKey = runtime.Options.AccessKey ?? string.Empty;
    private readonly Uri _origin = runtime.Options.BaseAddress;

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

        var headers = request.Headers;
        headers.Remove(AccessKeyHeader);
        headers.TryAddWithoutValidation(AccessKeyHeader, _accessKey);

        // The SDK reads JSON only; replacing the header (rather than parsing what is there) keeps it cheap.
        headers.Remove("Accept");
        headers.TryAddWithoutValidation("Accept", "application/json");

        if (CrmCall.Of(request) is { } call)
        {
            foreach (var (name, value) in call.Settings.Headers)
            {
                // Checked when the call started; removed first so a retry sends each header once.
                headers.Remove(name);
                headers.TryAddWithoutValidation(name, value);
            }

            call.OnAttempt(request);
        }
    }

    // Compared part by part: building a Uri per request to compare origins costs more than the rest of this handler.
    private bool IsApiOrigin(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && string.Equals(uri.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _origin.Port
        && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase);
}
