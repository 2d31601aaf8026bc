namespace ElasticFunnels.Crm;

/// <summary>
/// The API answered with a success status, but the body was not the JSON the SDK expected
/// (empty, <c>null</c>, HTML, truncated or of another shape), or was larger than
/// <see cref="ElasticFunnelsCrmOptions.MaxResponseContentBytes"/>. The call may have had its effect:
/// a create that fails this way must not be blindly repeated.
/// </summary>
public class CrmResponseFormatException : CrmApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The details.</param>
    /// <param name="message">What was wrong with the body.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CrmResponseFormatException(CrmError error, string message, Exception? innerException = null)
        : base(error, message, innerException)
    {
    }
}
