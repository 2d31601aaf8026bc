namespace ElasticFunnels.Crm;

/// <summary>The access key was refused (401), or the API redirected to or answered with a login page. Check the key and that it belongs to the configured brand.</summary>
public class CrmAuthenticationException : CrmApiException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="error">The details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmAuthenticationException(CrmError error, Exception? innerException = null)
        : base(error, innerException)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    /// <param name="error">The details.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmAuthenticationException(CrmError error, string message, Exception? innerException = null)
        : base(error, message, innerException)
    {
    }
}
