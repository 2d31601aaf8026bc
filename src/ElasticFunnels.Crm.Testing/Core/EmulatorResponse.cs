using System.Text;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>A transport-neutral response, written out by whichever front received the request.</summary>
internal sealed class EmulatorResponse
{
    public const string JsonContentType = "application/json";

    private EmulatorResponse(int statusCode, byte[] body, string? contentType, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        Headers = headers;
    }

    public int StatusCode { get; }

    public byte[] Body { get; }

    public string? ContentType { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public static EmulatorResponse Json(int statusCode, JsonNode node) =>
        new(statusCode, JsonText.ToUtf8(node), JsonContentType, []);

    public static EmulatorResponse Message(int statusCode, string message) =>
        Json(statusCode, new JsonObject { ["message"] = message });

    public static EmulatorResponse NotFound(string message = "Not Found") => Message(404, message);

    /// <summary>The vendor's documented 429, without <c>Retry-After</c>.</summary>
    public static EmulatorResponse TooManyRequests() => Message(429, "Too many requests. Please slow down.");

    public static EmulatorResponse NoContent() => new(204, [], null, []);

    /// <summary>No answer at all: the front closes the connection (status 0 never reaches the wire).</summary>
    public static EmulatorResponse Dropped { get; } = new(0, [], null, []);

    public bool IsDropped => ReferenceEquals(this, Dropped);

    public static EmulatorResponse Raw(int statusCode, string body, string contentType) =>
        new(statusCode, Encoding.UTF8.GetBytes(body), contentType, []);

    public EmulatorResponse WithHeader(string name, string value) =>
        new(StatusCode, Body, ContentType, [.. Headers, new(name, value)]);
}
