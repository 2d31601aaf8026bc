using System.Net;
using System.Text.Json;

namespace ElasticFunnels.Crm.Testing;

/// <summary>Builds the response of an injected failure, with the vendor's wording where it is documented.</summary>
internal static class FaultResponses
{
    // The vendor's unauthenticated web routes redirect here; the API's own 302s do too.
    private const string LoginPage = "<!DOCTYPE html><html><head><title>Login | ElasticFunnels</title></head><body><form method=\"post\" action=\"/login\"></form></body></html>";

    public static EmulatorResponse Create(FailureFault fault)
    {
        var response = fault.Body is { } body
            ? EmulatorResponse.Raw(fault.StatusCode, body, GuessContentType(body))
            : Default(fault.StatusCode);

        if (fault.StatusCode is >= 300 and < 400)
        {
            response = response.WithHeader("Location", "/login");
        }

        return fault.RetryAfter is { } retryAfter ? response.WithHeader("Retry-After", retryAfter) : response;
    }

    private static EmulatorResponse Default(int statusCode) => statusCode switch
    {
        >= 300 and < 400 => EmulatorResponse.Raw(statusCode, LoginPage, "text/html; charset=UTF-8"),
        429 => EmulatorResponse.TooManyRequests(),
        500 => EmulatorResponse.Message(500, "Server Error"),
        _ => EmulatorResponse.Message(statusCode, ReasonPhrase(statusCode)),
    };

    private static string ReasonPhrase(int statusCode)
    {
        var name = ((HttpStatusCode)statusCode).ToString();
        if (name.All(char.IsAsciiDigit))
        {
            return "Error";
        }

        // "ServiceUnavailable" → "Service Unavailable"
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
    }

    /// <summary>Lets a test fake an HTML error page from a proxy as easily as a JSON error.</summary>
    private static string GuessContentType(string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('<'))
        {
            return "text/html; charset=UTF-8";
        }

        try
        {
            using var _ = JsonDocument.Parse(body);
            return EmulatorResponse.JsonContentType;
        }
        catch (JsonException)
        {
            return "text/plain; charset=UTF-8";
        }
    }
}
