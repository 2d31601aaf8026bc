using System.Net;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Thrown inside the pipeline when a success body is larger than the size cap; the call runner turns it
/// into a <see cref="CrmResponseFormatException"/>. It is not a transport failure, so it is never retried.
/// </summary>
internal sealed class ResponseTooLargeException(HttpStatusCode statusCode, long? declaredLength, long limit)
    : Exception("The response body is larger than MaxResponseContentBytes.")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The Content-Length the server declared, or null when it sent the body without one.</summary>
    public long? DeclaredLength { get; } = declaredLength;

    public long Limit { get; } = limit;
}
