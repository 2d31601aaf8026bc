namespace ElasticFunnels.Crm;

/// <summary>The SDK could not reach the API or the connection broke before a full answer arrived.</summary>
public class CrmConnectionException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public CrmConnectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public CrmConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause, usually an <see cref="HttpRequestException"/>.</param>
    public CrmConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
