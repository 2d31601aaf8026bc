using System.Net;

namespace ElasticFunnels.Crm;

/// <summary>
/// What the SDK knows about a failed call: the request, the status and what the API said.
/// Never contains the access key.
/// </summary>
public sealed record CrmError
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFieldErrors =
        new Dictionary<string, IReadOnlyList<string>>(0);

    /// <summary>The HTTP status code, or 0 when no response was received.</summary>
    public HttpStatusCode StatusCode { get; init; }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>The request path as sent, e.g. <c>/api/brands/42/crm/entities/1/entries</c>.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The route template of the call, e.g. <c>/api/brands/{brand}/crm/entities/{entity}/entries</c>.</summary>
    public string PathTemplate { get; init; } = string.Empty;

    /// <summary>The API's <c>message</c>, when it sent one.</summary>
    public string? ApiMessage { get; init; }

    /// <summary>The API's error code (<c>error</c> or <c>code</c>), when it sent one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Validation messages by field (the API's <c>errors</c> object), e.g. <c>title → ["The title field is required."]</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; init; } = NoFieldErrors;

    /// <summary>The start of a body the SDK could not interpret (HTML, text), at most 512 characters.</summary>
    public string? BodySnippet { get; init; }

    /// <summary>The wait the server asked for with <c>Retry-After</c>, when it did.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// The raw response: status, the headers on the SDK's logging allow-list (so no secret reaches a log),
    /// request id, attempts and duration; <see langword="null"/> when the error was built by hand.
    /// </summary>
    public CrmResponse? Response { get; init; }
}
