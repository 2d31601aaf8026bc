using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ElasticFunnels.Crm.Http;

namespace ElasticFunnels.Crm;

/// <summary>The exceptions of the API's error answers, for tests and mocks.</summary>
/// <remarks>
/// Each exception is what the SDK throws when the API answers with the same status, JSON body (<c>message</c>,
/// <c>error</c>, <c>errors</c>) and headers: the SDK's own code reads the answer, so the type, <see cref="Exception.Message"/>,
/// <see cref="CrmApiException.FieldErrors"/>, <see cref="CrmRateLimitException.RetryAfter"/> and
/// <see cref="CrmApiException.RawResponse"/> match. As for a real answer, the raw response keeps only the headers on
/// the SDK's logging allow-list (<c>X-Request-Id</c>, <c>Retry-After</c>, <c>X-RateLimit-*</c>, <c>Content-Type</c>, ...), gains
/// <c>Content-Type: application/json</c> when there is a body, and <c>Retry-After</c> in whole seconds (rounded up) when a
/// wait is given.
/// </remarks>
public static partial class CrmModelFactory
{
    /// <summary>
    /// Creates the exception the SDK throws for an error answer with <paramref name="statusCode"/>: a
    /// <see cref="ElasticFunnels.Crm.CrmValidationException"/> for 400 and 422, <see cref="ElasticFunnels.Crm.CrmAuthenticationException"/>
    /// for 401, <see cref="ElasticFunnels.Crm.CrmPermissionException"/> for 403, <see cref="ElasticFunnels.Crm.CrmNotFoundException"/>
    /// for 404, <see cref="ElasticFunnels.Crm.CrmConflictException"/> for 409, <see cref="ElasticFunnels.Crm.CrmRateLimitException"/>
    /// for 429 and a <see cref="ElasticFunnels.Crm.CrmApiException"/> for any other (500, 503, ...).
    /// </summary>
    /// <param name="statusCode">The error status, 400 to 599.</param>
    /// <param name="message">The API's <c>message</c>; none when null.</param>
    /// <param name="fieldErrors">The API's <c>errors</c>, messages by field, in the order the API lists them; none when null.</param>
    /// <param name="errorCode">The API's <c>error</c> code, e.g. <c>plan_limit</c>; none when null.</param>
    /// <param name="retryAfter">The wait the server asks for with <c>Retry-After</c>; none when null.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="path">The request path, e.g. <c>/api/brands/42/crm/entities/7</c>.</param>
    /// <param name="pathTemplate">The route template, e.g. <c>/api/brands/{brand}/crm/entities/{entity}</c>; <paramref name="path"/> when null.</param>
    /// <param name="headers">The response headers, e.g. <c>X-Request-Id</c>; none when null.</param>
    /// <param name="attempts">How many attempts the call took (1, plus one per retry).</param>
    /// <param name="duration">How long the call took.</param>
    /// <returns>The exception, of the type the status maps to.</returns>
    /// <exception cref="ArgumentException">The status is not an error status, the method or path is empty, the path is not absolute,
    /// <paramref name="attempts"/> is below 1 or <paramref name="retryAfter"/> is negative.</exception>
    public static CrmApiException CrmApiException(
        HttpStatusCode statusCode,
        string? message = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? errorCode = null,
        TimeSpan? retryAfter = null,
        string method = "GET",
        string path = "/",
        string? pathTemplate = null,
        IReadOnlyDictionary<string, string>? headers = null,
        int attempts = 1,
        TimeSpan duration = default)
    {
        if ((int)statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), (int)statusCode, "statusCode must be an error status, 400 to 599: the SDK throws for those (a redirect or an HTML page is a different failure).");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path[0] != '/')
        {
            throw new ArgumentException($"path must be the absolute request path, starting with '/' (was '{path}').", nameof(path));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "retryAfter must not be negative.");
        }

        var body = ErrorBody(message, errorCode, fieldErrors);
        var answer = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        if (body is not null)
        {
            answer.TryAdd("Content-Type", "application/json");
        }

        if (retryAfter is { } wait)
        {
            answer.TryAdd("Retry-After", Math.Ceiling(wait.TotalSeconds).ToString("0", CultureInfo.InvariantCulture));
        }

        return ApiErrorFactory.FromAnswer(statusCode, answer, body, method, path, pathTemplate ?? path, attempts, duration);
    }

    /// <summary>Creates the <see cref="ElasticFunnels.Crm.CrmValidationException"/> the SDK throws when the API rejects the request's data.</summary>
    /// <param name="fieldErrors">The API's <c>errors</c>, e.g. <c>title → ["The title field is required."]</c>; none when null.</param>
    /// <param name="message">The API's <c>message</c>; none when null (the CRM's 422 answers carry none).</param>
    /// <param name="statusCode">422 (the default) or 400.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="path">The request path.</param>
    /// <param name="headers">The response headers; none when null.</param>
    /// <returns>The exception.</returns>
    /// <exception cref="ArgumentException">The status is not 400 or 422, or the method or path is invalid.</exception>
    public static CrmValidationException CrmValidationException(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? message = null,
        HttpStatusCode statusCode = HttpStatusCode.UnprocessableEntity,
        string method = "POST",
        string path = "/",
        IReadOnlyDictionary<string, string>? headers = null)
    {
        if (statusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), (int)statusCode, "statusCode must be 400 or 422: the statuses of a validation failure.");
        }

        return (CrmValidationException)CrmApiException(statusCode, message, fieldErrors, method: method, path: path, headers: headers);
    }

    /// <summary>Creates the <see cref="ElasticFunnels.Crm.CrmRateLimitException"/> the SDK throws when the API answers 429 and the SDK does not try again.</summary>
    /// <param name="retryAfter">The wait the server asks for (sent as <c>Retry-After</c> in whole seconds); none when null.</param>
    /// <param name="message">The API's <c>message</c>, e.g. <c>Too many requests. Please slow down.</c>; none when null.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="path">The request path.</param>
    /// <param name="headers">The response headers, e.g. <c>X-RateLimit-Remaining</c>; none when null.</param>
    /// <param name="attempts">How many attempts the call took.</param>
    /// <returns>The exception.</returns>
    public static CrmRateLimitException CrmRateLimitException(
        TimeSpan? retryAfter = null,
        string? message = null,
        string method = "GET",
        string path = "/",
        IReadOnlyDictionary<string, string>? headers = null,
        int attempts = 1) =>
        (CrmRateLimitException)CrmApiException(HttpStatusCode.TooManyRequests, message, retryAfter: retryAfter, method: method, path: path, headers: headers, attempts: attempts);

    /// <summary>Creates the <see cref="ElasticFunnels.Crm.CrmNotFoundException"/> the SDK throws when the API answers 404.</summary>
    /// <param name="message">The API's <c>message</c>; none when null.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="path">The request path, e.g. <c>/api/brands/42/crm/entries/abc</c>.</param>
    /// <param name="headers">The response headers; none when null.</param>
    /// <returns>The exception.</returns>
    public static CrmNotFoundException CrmNotFoundException(string? message = null, string method = "GET", string path = "/", IReadOnlyDictionary<string, string>? headers = null) =>
        (CrmNotFoundException)CrmApiException(HttpStatusCode.NotFound, message, method: method, path: path, headers: headers);

    /// <summary>Creates the <see cref="ElasticFunnels.Crm.CrmAuthenticationException"/> the SDK throws when the API refuses the key (401).</summary>
    /// <param name="message">The API's <c>message</c>, e.g. <c>Unauthenticated.</c>; none when null.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="path">The request path.</param>
    /// <param name="headers">The response headers; none when null.</param>
    /// <returns>The exception.</returns>
    public static CrmAuthenticationException CrmAuthenticationException(string? message = null, string method = "GET", string path = "/", IReadOnlyDictionary<string, string>? headers = null) =>
        (CrmAuthenticationException)CrmApiException(HttpStatusCode.Unauthorized, message, method: method, path: path, headers: headers);

    /// <summary>Creates the <see cref="ElasticFunnels.Crm.CrmPermissionException"/> the SDK throws when the key may not do this (403).</summary>
    /// <param name="message">The API's <c>message</c>, e.g. <c>Upgrade your plan.</c>; none when null.</param>
    /// <param name="errorCode">The API's <c>error</c> code, e.g. <c>plan_limit</c>; none when null.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="path">The request path.</param>
    /// <param name="headers">The response headers; none when null.</param>
    /// <returns>The exception.</returns>
    public static CrmPermissionException CrmPermissionException(string? message = null, string? errorCode = null, string method = "GET", string path = "/", IReadOnlyDictionary<string, string>? headers = null) =>
        (CrmPermissionException)CrmApiException(HttpStatusCode.Forbidden, message, errorCode: errorCode, method: method, path: path, headers: headers);

    /// <summary>Creates the <see cref="ElasticFunnels.Crm.CrmConflictException"/> the SDK throws when the request conflicts with the resource's state (409).</summary>
    /// <param name="message">The API's <c>message</c>, e.g. <c>Slug taken</c>; none when null.</param>
    /// <param name="errorCode">The API's error code; none when null.</param>
    /// <param name="method">The HTTP method of the call.</param>
    /// <param name="path">The request path.</param>
    /// <param name="headers">The response headers; none when null.</param>
    /// <returns>The exception.</returns>
    public static CrmConflictException CrmConflictException(string? message = null, string? errorCode = null, string method = "POST", string path = "/", IReadOnlyDictionary<string, string>? headers = null) =>
        (CrmConflictException)CrmApiException(HttpStatusCode.Conflict, message, errorCode: errorCode, method: method, path: path, headers: headers);

    /// <summary>The JSON body the API would send with these parts (its documented <c>message</c>/<c>error</c>/<c>errors</c> shape); null when there are none.</summary>
    private static string? ErrorBody(string? message, string? errorCode, IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors)
    {
        if (message is null && errorCode is null && fieldErrors is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (message is not null)
            {
                json.WriteString("message", message);
            }

            if (errorCode is not null)
            {
                json.WriteString("error", errorCode);
            }

            if (fieldErrors is not null)
            {
                json.WriteStartObject("errors");
                foreach (var (field, messages) in fieldErrors)
                {
                    json.WriteStartArray(field);
                    foreach (var text in messages)
                    {
                        json.WriteStringValue(text);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
