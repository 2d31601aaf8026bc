using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Raw;

namespace ElasticFunnels.Crm;

/// <summary>
/// A request to an endpoint the SDK does not type yet, sent with
/// <see cref="IElasticFunnelsCrmClient.SendAsync(CrmRawRequest, CancellationToken)"/> through the same pipeline as
/// every typed call: the access key, the pinned origin, retries with the same rules for POST, the size
/// cap, telemetry and typed errors.
/// </summary>
/// <remarks>
/// <para>The <see cref="Path"/> is relative to the brand's CRM root (<c>{BaseAddress}brands/{brand}/crm/</c>),
/// written as unescaped segments separated by <c>/</c>: <c>entities/1/automations</c>. Each segment is
/// escaped by the SDK, so a value cannot break out of its segment. Refused when the request is created,
/// with an <see cref="ArgumentException"/>: an absolute URL or a leading slash (<c>https://...</c>,
/// <c>//host</c>, <c>/entities</c>), <c>.</c> and <c>..</c> segments (also encoded, such as <c>%2e%2e</c>),
/// an encoded slash (<c>%2f</c>), backslashes, <c>?</c> or <c>#</c> (the query goes in <see cref="Query"/>),
/// empty segments and control characters.</para>
/// <para>Only GET, POST, PUT, PATCH and DELETE are sent; a <see cref="Body"/> only with POST, PUT and PATCH.</para>
/// </remarks>
/// <example><code>
/// var request = new CrmRawRequest(HttpMethod.Get, "entities/1/entries")
/// {
///     Query = { ["per_page"] = "5", ["q"] = "jane" },
/// };
/// var response = await crm.SendAsync(request);
/// Console.WriteLine(response.Value.GetProperty("total").GetInt64());
/// </code></example>
public sealed class CrmRawRequest
{
    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    /// <summary>Creates a request, checking the method and the path now.</summary>
    /// <param name="method">GET, POST, PUT, PATCH or DELETE.</param>
    /// <param name="path">The path below the brand's CRM root, e.g. <c>entities/1/automations</c>.</param>
    /// <exception cref="ArgumentException">The method is not supported, or the path could reach another resource or origin.</exception>
    public CrmRawRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!Methods.Contains(method))
        {
            throw new ArgumentException($"The SDK sends GET, POST, PUT, PATCH and DELETE; {method.Method} is not supported.", nameof(method));
        }

        RawPath.Check(path, nameof(path));
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path below the brand's CRM root, as unescaped segments.</summary>
    public string Path { get; }

    /// <summary>The query parameters, unescaped; the SDK escapes each name and value, so each stays one parameter.</summary>
    public IDictionary<string, string> Query { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The JSON body (sent with a <c>Content-Length</c>); only for POST, PUT and PATCH. <see langword="null"/> sends none.</summary>
    public JsonNode? Body { get; set; }

    /// <summary>Describes the request without its query values or body.</summary>
    /// <returns>For example <c>GET entities/1/entries</c>.</returns>
    public override string ToString() => $"{Method.Method} {Path}";
}
