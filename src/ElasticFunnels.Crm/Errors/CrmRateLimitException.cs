namespace ElasticFunnels.Crm;

/// <summary>
/// The API refused the call because too many were made (429), and the SDK's retries did not get
/// through (or the wait the server asked for was longer than the SDK may wait).
/// <see cref="RetryAfter"/> carries the server's hint.
/// </summary>
public class CrmRateLimitException : CrmApiException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="error">The details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmRateLimitException(CrmError error, Exception? innerException = null)
        : base(error, innerException)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    /// <param name="error">The details.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmRateLimitException(CrmError error, string message, Exception? innerException = null)
        : base(error, message, innerException)
    {
    }

    /// <summary>How long the server asked to wait (<c>Retry-After</c>), when it did.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;
}
