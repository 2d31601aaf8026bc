using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>JSON reading and writing shared by all routes.</summary>
internal static class JsonText
{
    // Relaxed escaping keeps '+', '&' and non-ASCII readable in recorded bodies and test failures.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Parses a request body. An empty body is an empty object, as Laravel sees no input;
    /// <paramref name="error"/> is set when the body is not a JSON object.
    /// </summary>
    public static JsonObject? ParseBody(byte[] body, out string? error)
    {
        error = null;
        if (body.Length == 0 || body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return [];
        }

        try
        {
            var node = JsonNode.Parse(body);
            if (node is not JsonObject obj)
            {
                error = "The request body must be a JSON object.";
                return null;
            }

            // Materialise the properties now, so duplicate names fail here rather than later under the state lock.
            _ = obj.Count;
            return obj;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            error = "Malformed JSON body: " + ex.Message;
            return null;
        }
    }

    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static string? StringOf(JsonNode? node) =>
        KindOf(node) == JsonValueKind.String ? node!.GetValue<string>() : null;
}
