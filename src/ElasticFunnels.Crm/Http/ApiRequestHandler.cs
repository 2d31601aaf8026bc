namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Prepares every attempt just before it leaves the SDK: refuses any origin other than the configured
/// one, sets <c>EF-Access-Key</c> and <c>Accept: application/json</c> (per request, never through the
/// shared and non-thread-safe <see cref="HttpClient.DefaultRequestHeaders"/>), adds the call's extra
/// headers, and counts the attempt on its <see cref="CrmCall"/>. The key is the call's
/// (<see cref="CrmCall.Credential"/>), so a rotation never changes it under a call; the client comes from the
/// call too, so one chain can serve many clients (<paramref name="runtime"/> is null then).
/// </summary>
internal sealed class ApiRequestHandler(CrmClientRuntime? runtime) : DelegatingHandler
{
    public const string AccessKeyHeader = "EF-Access-Key";

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
        var call = CrmCall.Of(request);
        var client = call?.Runtime ?? CrmCall.RuntimeOf(request, runtime);
        var origin = client.Options.BaseAddress;
        if (!IsApiOrigin(request.RequestUri, origin))
        {
            throw new InvalidOperationException($"The SDK only sends the access key to {origin.GetLeftPart(UriPartial.Authority)}; a request to another origin was stopped.");
        }

        var headers = request.Headers;
        headers.Remove(AccessKeyHeader);
        headers.TryAddWithoutValidation(AccessKeyHeader, (call?.Credential ?? client.Credential).AccessKey);

        // The SDK reads JSON only; replacing the header (rather than parsing what is there) keeps it cheap.
        headers.Remove("Accept");
        headers.TryAddWithoutValidation("Accept", "application/json");

        if (call is not null)
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
    private static bool IsApiOrigin(Uri? uri, Uri origin) =>
        uri is { IsAbsoluteUri: true }
        && string.Equals(uri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && uri.Port == origin.Port
        && string.Equals(uri.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase);
}
