namespace ElasticFunnels.Crm;

/// <summary>The key is valid but not allowed to do this (403): a role, module or plan restriction.</summary>
public class CrmPermissionException : CrmApiException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="error">The details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmPermissionException(CrmError error, Exception? innerException = null)
        : base(error, innerException)
    {
    }

    /// <summary>Creates the exception with a message of your own.</summary>
    /// <param name="error">The details.</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmPermissionException(CrmError error, string message, Exception? innerException = null)
        : base(error, message, innerException)
    {
    }
}
