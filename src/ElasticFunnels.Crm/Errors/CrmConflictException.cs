namespace ElasticFunnels.Crm;

/// <summary>The request conflicts with the current state of the resource (409).</summary>
public class CrmConflictException : CrmApiException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="error">The details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmConflictException(CrmError error, Exception? innerException = null)
        : base(error, innerException)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    /// <param name="error">The details.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmConflictException(CrmError error, string message, Exception? innerException = null)
        : base(error, message, innerException)
    {
    }
}
