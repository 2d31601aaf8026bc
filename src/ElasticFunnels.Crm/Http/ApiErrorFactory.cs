using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// The one place where an outcome becomes a <see cref="CrmError"/> and a typed exception: an error
/// status (status first, then the body, parsed as JSON only when it is JSON), a redirect, an HTML page
/// where JSON was expected, a success body that is empty, too large or of another shape.
/// </summary>
internal sealed class ApiErrorFactory(Func<string, string> redact, TimeProvider timeProvider)
{
    private const int MaxErrorBodyChars = 64 * 1024;
    private const int MaxSnippetChars = 512;

    /// <summary>Reads answers that hold no access key: those <see cref="CrmModelFactory"/> makes up.</summary>
    private static readonly ApiErrorFactory Unredacted = new(static text => text, TimeProvider.System);

    public Func<string, string> Redact => redact;

    /// <summary>Whether <paramref name="response"/> is a success the SDK can read (2xx, and not the vendor's HTML login page).</summary>
    public static bool IsUsable(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 200 and < 300 && !IsHtml(response.Content.Headers.ContentType);

    /// <summary>Builds the exception for a response that is not a usable success; its body is already buffered.</summary>
    public CrmApiException FromResponse(HttpResponseMessage response, CrmCall call, TimeSpan duration)
    {
        var status = (int)response.StatusCode;
        var body = BodyText(response.Content);
        var error = Describe(response, call, duration, body);

        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            var toLogin = location is not null && LooksLikeLogin(location.OriginalString);
            var where = location is null ? "an address it did not give" : redact(DescribeLocation(call.RequestUri, location));
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

        if (status == 429 && call.RateLimitWaitGivenUp is { } wait)
        {
            return new CrmRateLimitException(
                error with { RetryAfter = error.RetryAfter ?? wait },
                $"{CrmApiException.DescribeFailure(error)} The access key's shared rate-limit pause ({Seconds(wait)} s) would outlast what is left of the call's timeout ({call.Settings.TimeoutSource}), so the SDK did not wait for it.");
        }

        return ForStatus(error);
    }

    /// <summary>The exception for an error status (4xx, 5xx): the one type a status maps to.</summary>
    public static CrmApiException ForStatus(CrmError error) => (int)error.StatusCode switch
    {
        400 or 422 => new CrmValidationException(error),
        401 => new CrmAuthenticationException(error),
        403 => new CrmPermissionException(error),
        404 => new CrmNotFoundException(error),
        409 => new CrmConflictException(error),
        429 => new CrmRateLimitException(error),
        _ => new CrmApiException(error),
    };

    /// <summary>
    /// The exception for an error answer given by its parts instead of an <see cref="HttpResponseMessage"/>, for
    /// <see cref="CrmModelFactory"/>: the headers kept, the <c>Retry-After</c> read, the body read and the type chosen
    /// exactly as for a real answer, so a made-up exception cannot differ from one the SDK throws.
    /// </summary>
    public static CrmApiException FromAnswer(HttpStatusCode status, IReadOnlyDictionary<string, string> headers, string? body, string method, string path, string pathTemplate, int attempts, TimeSpan duration)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            if (!LoggedHeaders.ShouldRedact(name))
            {
                kept[name] = value;
            }
        }

        var error = new CrmError
        {
            StatusCode = status,
            Method = method,
            Path = path,
            PathTemplate = pathTemplate,
            // A made-up answer belongs to no client, so an HTTP-date without a Date header is measured against the system clock.
            RetryAfter = RetryAfterHeader.Read(kept.GetValueOrDefault("Retry-After"), kept.GetValueOrDefault("Date"), TimeProvider.System),
            Response = new CrmResponse(status, kept, method, path, attempts, duration),
        };
        var json = kept.TryGetValue("Content-Type", out var type) && MediaTypeHeaderValue.TryParse(type, out var media) && IsJson(media);
        return ForStatus(Unredacted.WithBody(error, body, json));
    }

    /// <summary>Builds the error for a success body the SDK read but could not deserialize.</summary>
    public CrmResponseFormatException Unreadable(HttpResponseMessage response, CrmCall call, TimeSpan duration, ReadOnlySpan<byte> body, JsonException cause)
    {
        var text = body.Length == 0 ? null : Encoding.UTF8.GetString(body.Length > 4 * MaxSnippetChars ? body[..(4 * MaxSnippetChars)] : body);
        var error = Base(response, call, duration) with { BodySnippet = string.IsNullOrWhiteSpace(text) ? null : Snippet(text) };
        var what = string.IsNullOrWhiteSpace(text) ? "an empty body"
            : LooksLikeJson(text) ? "JSON of another shape, or cut short"
            : "a body that is not JSON";
        return new CrmResponseFormatException(error, $"{error.Method} {error.Path} answered {(int)error.StatusCode} with {what} ({redact(cause.Message)}); the SDK expected the documented JSON.", cause);
    }

    /// <summary>Builds the error for a success response that carried no value (an empty body or JSON <c>null</c>).</summary>
    public CrmResponseFormatException Empty(HttpResponseMessage response, CrmCall call, TimeSpan duration, string expected)
    {
        var error = Base(response, call, duration);
        return new CrmResponseFormatException(error, $"{error.Method} {error.Path} answered {(int)error.StatusCode} with an empty body or JSON null; the SDK expected {expected}.");
    }

    /// <summary>Builds the error for a success body larger than the size cap (nothing more of it was read).</summary>
    public static CrmResponseFormatException TooLarge(ResponseTooLargeException tooLarge, CrmCall call, TimeSpan duration)
    {
        var error = new CrmError
        {
            StatusCode = tooLarge.StatusCode,
            Method = call.Method,
            Path = call.Path,
            PathTemplate = call.RouteTemplate,
            Response = new CrmResponse(tooLarge.StatusCode, null, call.Method, call.Path, Math.Max(1, call.Attempts), duration),
        };
        var size = tooLarge.DeclaredLength is { } bytes ? string.Create(CultureInfo.InvariantCulture, $"a body of {bytes} bytes") : "a body";
        return new CrmResponseFormatException(
            error,
            string.Create(CultureInfo.InvariantCulture, $"{error.Method} {error.Path} answered {(int)error.StatusCode} with {size}, more than the {tooLarge.Limit} bytes the SDK reads (ElasticFunnelsCrmOptions.MaxResponseContentBytes); the rest was not read."),
            tooLarge);
    }

    /// <summary>
    /// Builds the error for a request its key's budget could not give a place: the queue and pause would
    /// outlast the call's timeout, or the queue is full. Nothing was sent for it.
    /// </summary>
    public static CrmRateLimitException BudgetExceeded(RateLimiting.BudgetExceededException exceeded, CrmCall call, TimeSpan duration)
    {
        var error = new CrmError
        {
            StatusCode = call.Attempts > 0 ? System.Net.HttpStatusCode.TooManyRequests : 0,
            Method = call.Method,
            Path = call.Path,
            PathTemplate = call.RouteTemplate,
            RetryAfter = exceeded.Wait,
            Response = call.Attempts > 0 ? new CrmResponse(System.Net.HttpStatusCode.TooManyRequests, null, call.Method, call.Path, call.Attempts, duration) : null,
        };
        var what = call.Method.Length > 0 ? $"{call.Method} {call.Path}" : $"The call to the ElasticFunnels CRM API ({call.Operation})";
        var why = exceeded.QueueFull
            ? "the access key's request queue is full (ElasticFunnelsCrmOptions.RateLimit.QueueLimit)"
            : $"its place in the access key's request budget is {Seconds(exceeded.Wait)} s away, longer than what is left of the call's timeout ({call.Settings.TimeoutSource})";
        return new CrmRateLimitException(error, $"{what} was not sent: {why}. Try again later, or give the call a longer timeout.", exceeded);
    }

    private static string Seconds(TimeSpan wait) => Math.Ceiling(wait.TotalSeconds).ToString("0", CultureInfo.InvariantCulture);

    private CrmError Base(HttpResponseMessage response, CrmCall call, TimeSpan duration) => new()
    {
        StatusCode = response.StatusCode,
        Method = call.Method,
        Path = call.Path,
        PathTemplate = call.RouteTemplate,
        RetryAfter = RetryAfterHeader.Read(response, timeProvider),
        Response = RawResponses.Capture(response, call, duration, allowListOnly: true, redact),
    };

    private CrmError Describe(HttpResponseMessage response, CrmCall call, TimeSpan duration, string? body) =>
        WithBody(Base(response, call, duration), body, IsJson(response.Content.Headers.ContentType));

    /// <summary>What an error body says: the API's message, error code and field errors, or a snippet of a body that is not the JSON it should be.</summary>
    private CrmError WithBody(CrmError error, string? body, bool declaredJson)
    {
        if (string.IsNullOrEmpty(body))
        {
            return error;
        }

        if (declaredJson || LooksLikeJson(body))
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

    /// <summary>The error body as text, at most 64 KiB; the buffering handler has already read (and capped) it.</summary>
    private static string? BodyText(HttpContent content)
    {
        if (content is not PooledBufferContent pooled)
        {
            return null;
        }

        var bytes = pooled.Span;
        var text = Encoding.UTF8.GetString(bytes.Length > MaxErrorBodyChars * 4 ? bytes[..(MaxErrorBodyChars * 4)] : bytes);
        return text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] : text;
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
