using System.Globalization;
using System.Net;
using System.Text;

namespace ElasticFunnels.Crm;

/// <summary>
/// The API answered with an error status (or with a body the SDK could not read). Subclasses exist
/// for the cases a caller handles differently: <see cref="CrmValidationException"/>,
/// <see cref="CrmAuthenticationException"/>, <see cref="CrmPermissionException"/>,
/// <see cref="CrmNotFoundException"/>, <see cref="CrmConflictException"/> and <see cref="CrmRateLimitException"/>.
/// </summary>
public class CrmApiException : CrmException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="error">The details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmApiException(CrmError error, Exception? innerException = null)
        : this(error, DescribeFailure(error), innerException)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    /// <param name="error">The details.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmApiException(CrmError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>All that is known about the failed call.</summary>
    public CrmError Error { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode => Error.StatusCode;

    /// <summary>The API's <c>message</c>, when it sent one.</summary>
    public string? ApiMessage => Error.ApiMessage;

    /// <summary>The API's error code, when it sent one.</summary>
    public string? ErrorCode => Error.ErrorCode;

    /// <summary>Validation messages by field.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors => Error.FieldErrors;

    /// <summary>
    /// The raw response of the failed call: status, headers (only those on the SDK's logging allow-list),
    /// request id, attempts and duration; <see langword="null"/> when the exception was built by hand.
    /// </summary>
    public CrmResponse? RawResponse => Error.Response;

    /// <summary>
    /// Describes a failure as a sentence: status, method, path, then the API's message or the first field errors,
    /// e.g. <c>POST /api/brands/42/crm/entities/1/entries failed with 422 (Unprocessable Entity): title: The title field is required.</c>
    /// </summary>
    /// <param name="error">The details.</param>
    /// <returns>The sentence.</returns>
    public static string DescribeFailure(CrmError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = new StringBuilder();
        text.Append(error.Method).Append(' ').Append(error.Path)
            .Append(" failed with ").Append((int)error.StatusCode).Append(" (").Append(ReasonPhrase(error.StatusCode)).Append(')');
        var detail = new List<string>();
        if (!string.IsNullOrWhiteSpace(error.ApiMessage))
        {
            detail.Add(error.ApiMessage.Trim().TrimEnd('.') + ".");
        }

        foreach (var (field, messages) in error.FieldErrors.Take(3))
        {
            detail.Add($"{field}: {string.Join(" ", messages)}");
        }

        if (error.FieldErrors.Count > 3)
        {
            detail.Add($"and {error.FieldErrors.Count - 3} more field error(s).");
        }

        if (detail.Count == 0 && !string.IsNullOrWhiteSpace(error.BodySnippet))
        {
            detail.Add("the response body was not JSON (see Error.BodySnippet).");
        }

        if (detail.Count > 0)
        {
            text.Append(": ").AppendJoin(' ', detail);
        }
        else
        {
            text.Append('.');
        }

        if (error.RetryAfter is { } wait)
        {
            text.Append(CultureInfo.InvariantCulture, $" The server asked to retry after {Math.Ceiling(wait.TotalSeconds):0} s (Retry-After).");
        }

        return text.ToString();
    }

    private static string ReasonPhrase(HttpStatusCode status) => (int)status switch
    {
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        _ => Enum.IsDefined(status) ? SplitWords(status.ToString()) : "Unknown",
    };

    // "NotFound" -> "Not Found"; a run of capitals is one word ("OK", "IMUsed" -> "IM Used").
    private static string SplitWords(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append(' ');
            }

            text.Append(name[i]);
        }

        return text.ToString();
    }
}
