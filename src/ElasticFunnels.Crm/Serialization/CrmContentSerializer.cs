using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace ElasticFunnels.Crm.Serialization;

/// <summary>
/// Writes Refit request bodies as UTF-8 JSON bytes with the source-generated context, so every body
/// goes out with a <c>Content-Length</c> (a streamed body would be sent chunked, which proxies, WAFs and
/// PHP front ends may refuse or pass on empty). Responses are read by the SDK's call runner, not Refit.
/// </summary>
internal sealed class CrmContentSerializer : IHttpContentSerializer
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public HttpContent ToHttpContent<T>(T item)
    {
        if (item is null)
        {
            // A request without a body (an untyped POST with nothing to send): Content-Length: 0.
            return new ByteArrayContent([]);
        }

        var typeInfo = (JsonTypeInfo<T>?)CrmJsonContext.Default.GetTypeInfo(typeof(T))
            ?? throw new NotSupportedException($"{typeof(T).Name} is not in the SDK's JSON context.");
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(item, typeInfo));
        content.Headers.ContentType = Json;
        return content;
    }

    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The SDK reads responses itself (the Refit methods return the HttpResponseMessage).");

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;
}
