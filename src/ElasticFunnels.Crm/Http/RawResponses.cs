using System.Net.Http.Headers;

namespace ElasticFunnels.Crm.Http;

/// <summary>Turns an <see cref="HttpResponseMessage"/> into the <see cref="CrmResponse"/> a caller sees.</summary>
internal static class RawResponses
{
    /// <summary>
    /// Copies what a caller may see of <paramref name="response"/>: every header for a success (values
    /// that contain the access key redacted), only the logging allow-list for a failure, because
    /// exceptions end up in logs.
    /// </summary>
    public static CrmResponse Capture(HttpResponseMessage response, CrmCall call, TimeSpan duration, bool allowListOnly, Func<string, string> redact) =>
        new(response.StatusCode, Headers(response, allowListOnly, redact), call.Method, call.Path, Math.Max(1, call.Attempts), duration);

    /// <summary>The same, with the value the body carried.</summary>
    public static CrmResponse<T> Capture<T>(T value, HttpResponseMessage response, CrmCall call, TimeSpan duration, Func<string, string> redact) =>
        new(value, response.StatusCode, Headers(response, allowListOnly: false, redact), call.Method, call.Path, Math.Max(1, call.Attempts), duration);

    private static Dictionary<string, string> Headers(HttpResponseMessage response, bool allowListOnly, Func<string, string> redact)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Add(headers, response.Headers, allowListOnly, redact);
        Add(headers, response.Content.Headers, allowListOnly, redact);
        return headers;
    }

    private static void Add(Dictionary<string, string> into, HttpHeaders headers, bool allowListOnly, Func<string, string> redact)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            if (allowListOnly && LoggedHeaders.ShouldRedact(name))
            {
                continue;
            }

            into[name] = redact(values.ToString());
        }
    }
}
