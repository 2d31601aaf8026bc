namespace ElasticFunnels.Crm;

/// <summary>The resource does not exist, or is not visible to this key and brand (404).</summary>
public class CrmNotFoundException : CrmApiException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="error">The details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmNotFoundException(CrmError error, Exception? innerException = null)
        : base(error, innerException)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    /// <param name="error">The details.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmNotFoundException(CrmError error, string message, Exception? innerException = null)
        : base(error, message, innerException)
    {
    }
}
