using System.Globalization;
using System.Net;

namespace ElasticFunnels.Crm;

/// <summary>
/// What came back for one call: status, headers, request id, how many attempts it took and how long.
/// Returned (with the value) by the <c>...WithResponseAsync</c> methods, carried by every page of a
/// pageable (<see cref="CrmPage{T}.RawResponse"/>) and, for a failed call, by
/// <see cref="CrmApiException.RawResponse"/>.
/// </summary>
/// <remarks>
/// The headers of a successful response are all there (a value that contains the access key is
/// redacted); the headers of a failed one are only those on the SDK's logging allow-list, because
/// exceptions end up in logs. The body has already been read and turned into the value.
/// </remarks>
public class CrmResponse
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders =
        new Dictionary<string, string>(0, StringComparer.OrdinalIgnoreCase);

    internal CrmResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, string>? headers, string method, string path, int attempts, TimeSpan duration)
    {
        StatusCode = statusCode;
        Headers = headers ?? NoHeaders;
        Method = method;
        Path = path;
        Attempts = attempts;
        Duration = duration;
    }

    /// <summary>The HTTP status code of the last attempt.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response headers (content headers included), by name, case-insensitive; a header sent several times is joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// The server's id for this request, for support tickets and log correlation: the <c>X-Request-Id</c>
    /// header, else <c>X-Correlation-Id</c>, else <see langword="null"/> (the vendor documents no request-id header).
    /// </summary>
    public string? RequestId =>
        Headers.TryGetValue("X-Request-Id", out var id) ? id : Headers.TryGetValue("X-Correlation-Id", out id) ? id : null;

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The request path as sent, without the query, e.g. <c>/api/brands/42/crm/entities/1/entries</c>.</summary>
    public string Path { get; }

    /// <summary>How many times the request was sent: 1, plus one per retry.</summary>
    public int Attempts { get; }

    /// <summary>How long the call took, from the first attempt to the body read (retries and their waits included).</summary>
    public TimeSpan Duration { get; }

    /// <summary>Describes the response for logs: status, request, attempts, duration and request id; never header values or the body.</summary>
    /// <returns>For example <c>201 POST /api/brands/42/crm/entities/1/entries (1 attempt, 12 ms, request id 7f3a)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(int)StatusCode} {Method} {Path} ({Attempts} attempt{(Attempts == 1 ? string.Empty : "s")}, {Duration.TotalMilliseconds:0} ms{(RequestId is { } id ? ", request id " + id : string.Empty)})");
}
