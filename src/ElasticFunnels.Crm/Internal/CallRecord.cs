using System.Net;

namespace ElasticFunnels.Crm.Internal;

/// <summary>
/// What the transport saw of the call in flight (method, path, attempts, last status), handed back
/// to <see cref="ApiInvoker"/> through an <see cref="AsyncLocal{T}"/>. Refit hands back no response
/// for an empty 2xx body or a timeout, yet the SDK's exception should still name the request.
/// </summary>
internal sealed class CallRecord
{
    private static readonly AsyncLocal<CallRecord?> Slot = new();
    private int _attempts;

    /// <summary>The record of the call running on this async flow, if an <see cref="ApiInvoker"/> started one.</summary>
    public static CallRecord? Current => Slot.Value;

    public string Method { get; private set; } = string.Empty;

    private Uri? _uri;

    /// <summary>The request path, worked out only when an error or a log needs it.</summary>
    public string Path => PathOf(_uri);

    public int Attempts => Volatile.Read(ref _attempts);

    public HttpStatusCode StatusCode { get; private set; }

    /// <summary>
    /// Starts a record for the current async flow. Call it from an async method: the value then flows
    /// into the HTTP pipeline below and is gone again when that method returns.
    /// </summary>
    public static CallRecord Start()
    {
        var record = new CallRecord();
        Slot.Value = record;
        return record;
    }

    public void OnSending(HttpRequestMessage request)
    {
        Interlocked.Increment(ref _attempts);
        Method = request.Method.Method;
        _uri = request.RequestUri;
        StatusCode = 0;
    }

    public void OnResponse(HttpResponseMessage response) => StatusCode = response.StatusCode;

    /// <summary>The request as an error description: method, path, route template and the last status (0 when none arrived).</summary>
    public CrmError ToError() => new()
    {
        StatusCode = StatusCode,
        Method = Method,
        Path = Path,
        PathTemplate = RouteTemplate.FromPath(Path),
    };

    /// <summary>The path of a request as the SDK reports it: escaped, without query or fragment.</summary>
    public static string PathOf(Uri? uri) =>
        uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : uri?.OriginalString.Split('?', '#')[0] ?? string.Empty;
}
