namespace ElasticFunnels.Crm;

/// <summary>The API rejected the request's data (400 or 422). <see cref="CrmApiException.FieldErrors"/> says what to fix.</summary>
public class CrmValidationException : CrmApiException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="error">The details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmValidationException(CrmError error, Exception? innerException = null)
        : base(error, innerException)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    /// <param name="error">The details.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmValidationException(CrmError error, string message, Exception? innerException = null)
        : base(error, message, innerException)
    {
    }
}
