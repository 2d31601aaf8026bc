namespace ElasticFunnels.Crm;

/// <summary>
/// The call ran out of time (an attempt timeout or the total timeout of the call). It is not an
/// <see cref="OperationCanceledException"/>: that one means the caller's own token was cancelled.
/// </summary>
public class CrmTimeoutException : CrmException
{
    /// <summary>Creates the exception.</summary>
    public CrmTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What timed out.</param>
    public CrmTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What timed out.</param>
    /// <param name="innerException">The cause.</param>
    public CrmTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
