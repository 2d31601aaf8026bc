using System.Net;
using System.Net.Http.Headers;

namespace ElasticFunnels.Crm.Testing;

/// <summary>Answers requests straight from the emulator core, with no sockets; the host part of the URI is ignored.</summary>
internal sealed class InMemoryHandler(EmulatorCore core) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new InvalidOperationException("The request URI must be absolute; set HttpClient.BaseAddress.");

        var body = request.Content is null
            ? []
            : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        var query = uri.Query.Length > 0 ? uri.Query[1..] : string.Empty;
        var emulated = new EmulatorRequest(request.Method.Method.ToUpperInvariant(), uri.AbsolutePath, query, headers, body);
        var result = await core.HandleAsync(emulated, cancellationToken).ConfigureAwait(false);
        if (result.IsDropped)
        {
            // What SocketsHttpHandler throws when the server closes the connection without a response.
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                "The response ended prematurely (the emulator dropped the connection).",
                new IOException("The connection was closed by the emulator."));
        }

        return ToResponseMessage(result, request);
    }

    private static HttpResponseMessage ToResponseMessage(EmulatorResponse result, HttpRequestMessage request)
    {
        var response = new HttpResponseMessage((HttpStatusCode)result.StatusCode)
        {
            RequestMessage = request,
            Version = HttpVersion.Version11,
            Content = new ByteArrayContent(result.Body),
        };

        if (result.ContentType is { } contentType)
        {
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in result.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
