using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ElasticFunnels.Crm.Internal;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// The one place where a response becomes a typed exception: status first, then the body, read
/// with a size cap and parsed as JSON only when the content type says JSON.
/// </summary>
internal sealed class ApiErrorFactory(Func<string, string> redact)
{
    private const int MaxErrorBodyChars = 64 * 1024;
    private const int MaxSnippetChars = 512;

    /// <summary>Returns the exception for a failed response, or null when the response is a usable success.</summary>
    public async ValueTask<Exception?> CreateAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300 && !IsHtml(response.Content.Headers.ContentType))
        {
            return null;
        }

        var body = await ReadBoundedAsync(response).ConfigureAwait(false);
        var error = Describe(response, body);

        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            var toLogin = location is not null && LooksLikeLogin(location.OriginalString);
            var where = location is null ? "an address it did not give" : redact(DescribeLocation(response.RequestMessage?.RequestUri, location));
            var message = $"{error.Method} {error.Path} was answered with a redirect ({status}) to {where}. The SDK never follows redirects, even within the API's origin, so the access key is only ever sent to the configured BaseAddress; check BaseAddress (for example http:// where the API wants https://, or a missing /api path).";
            return toLogin
                ? new CrmAuthenticationException(error, message + " A redirect to a login page means the access key is missing or was not accepted.")
                : new CrmApiException(error, message);
        }

        if (status is >= 200 and < 300)
        {
            // A success status with an HTML page: the vendor serves its login page this way.
            return new CrmAuthenticationException(error, $"{error.Method} {error.Path} answered {status} with an HTML page instead of JSON; this is what the API does when the access key is missing or not accepted.");
        }

        return status switch
        {
            400 or 422 => new CrmValidationException(error),
            401 => new CrmAuthenticationException(error),
            403 => new CrmPermissionException(error),
            404 => new CrmNotFoundException(error),
            409 => new CrmConflictException(error),
            429 => new CrmRateLimitException(error),
            _ => new CrmApiException(error),
        };
    }

    /// <summary>Builds the error for a success body the SDK read but could not deserialize.</summary>
    public CrmResponseFormatException CreateFormatError(CrmError request, ReadOnlySpan<byte> body, JsonException cause)
    {
        var text = body.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(body.Length > 4 * MaxSnippetChars ? body[..(4 * MaxSnippetChars)] : body);
        var error = request with { BodySnippet = string.IsNullOrWhiteSpace(text) ? null : Snippet(text) };
        var what = string.IsNullOrWhiteSpace(text) ? "an empty body"
            : LooksLikeJson(text) ? "JSON of another shape, or cut short"
            : "a body that is not JSON";
        return new CrmResponseFormatException(error, $"{error.Method} {error.Path} answered {(int)error.StatusCode} with {what} ({redact(cause.Message)}); the SDK expected the documented JSON.", cause);
    }

    /// <summary>Builds the error for a success response that carried no value (an empty body or JSON <c>null</c>).</summary>
    public static CrmResponseFormatException CreateEmptyBodyError(CrmError error, string expected) =>
        new(error, $"{error.Method} {error.Path} answered {(int)error.StatusCode} with an empty body or JSON null; the SDK expected {expected}.");

    private CrmError Describe(HttpResponseMessage response, string? body)
    {
        var request = response.RequestMessage;
        var path = CallRecord.PathOf(request?.RequestUri);
        var error = new CrmError
        {
            StatusCode = response.StatusCode,
            Method = request?.Method.Method ?? string.Empty,
            Path = path,
            PathTemplate = RouteTemplate.FromPath(path),
            RetryAfter = RetryAfterHeader.Read(response),
        };

        if (string.IsNullOrEmpty(body))
        {
            return error;
        }

        if (IsJson(response.Content.Headers.ContentType) || LooksLikeJson(body))
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(body, CrmJsonContext.Default.ApiErrorBody);
                if (parsed is not null)
                {
                    return error with
                    {
                        ApiMessage = parsed.Message is null ? null : redact(parsed.Message),
                        ErrorCode = (ReadCode(parsed.Error) ?? ReadCode(parsed.Code)) is { } code ? redact(code) : null,
                        FieldErrors = ReadFieldErrors(parsed.Errors),
                        BodySnippet = parsed.Message is null && parsed.Errors.ValueKind != JsonValueKind.Object ? Snippet(body) : null,
                    };
                }
            }
            catch (JsonException)
            {
                // Not the JSON it claimed to be: keep a snippet instead.
            }
        }

        return error with { BodySnippet = Snippet(body) };
    }

    private string Snippet(string body)
    {
        var text = body.Length > MaxSnippetChars ? body[..MaxSnippetChars] + "…" : body;
        return redact(text.Trim());
    }

    private static async Task<string?> ReadBoundedAsync(HttpResponseMessage response)
    {
        try
        {
            // The SDK's buffering handler has already read the body into memory with a size cap, and
            // Refit may have read (and closed) its stream: ask for the bytes, which reads nothing again.
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var length = Math.Min(bytes.Length, MaxErrorBodyChars * 4);
            var text = Encoding.UTF8.GetString(bytes, 0, length);
            return text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] : text;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? ReadCode(JsonElement code) => code.ValueKind switch
    {
        JsonValueKind.String => code.GetString(),
        JsonValueKind.Number => code.GetRawText(),
        _ => null,
    };

    private Dictionary<string, IReadOnlyList<string>> ReadFieldErrors(JsonElement errors)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (errors.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var field in errors.EnumerateObject())
        {
            var messages = field.Value.ValueKind switch
            {
                JsonValueKind.Array => field.Value.EnumerateArray().Select(m => redact(m.ValueKind == JsonValueKind.String ? m.GetString()! : m.GetRawText())).ToArray(),
                JsonValueKind.String => [redact(field.Value.GetString()!)],
                _ => [redact(field.Value.GetRawText())],
            };
            // Field names come from the server too: a server that echoes the request could echo the key.
            result[redact(field.Name)] = messages;
        }

        return result;
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && (media.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsHtml(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && media.Equals("text/html", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeJson(string body)
    {
        var trimmed = body.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '{' or '[';
    }

    private static bool LooksLikeLogin(string location) =>
        location.Contains("login", StringComparison.OrdinalIgnoreCase) || location.Contains("signin", StringComparison.OrdinalIgnoreCase);

    private static string DescribeLocation(Uri? requestUri, Uri location)
    {
        var absolute = location.IsAbsoluteUri ? location : requestUri is null ? null : new Uri(requestUri, location);
        return absolute is null
            ? "a relative address"
            : string.Create(CultureInfo.InvariantCulture, $"{absolute.Scheme}://{absolute.Authority}{absolute.AbsolutePath}");
    }
}
