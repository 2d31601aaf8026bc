namespace ElasticFunnels.Crm;

/// <summary>The base of every exception the SDK throws for a failed call (but not for bad arguments or cancellation).</summary>
public class CrmException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CrmException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CrmException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CrmException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
