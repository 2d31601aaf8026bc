using System.Net;

namespace ElasticFunnels.Crm;

/// <summary>A successful call's value together with its raw response (status, headers, request id, attempts, duration).</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <example><code>
/// var response = await crm.Entries.CreateWithResponseAsync(entityId, request, cancellationToken: ct);
/// Console.WriteLine($"{response.Value.Id} in {response.Duration.TotalMilliseconds} ms, request id {response.RequestId}");
/// </code></example>
public sealed class CrmResponse<T> : CrmResponse
{
    internal CrmResponse(T value, HttpStatusCode statusCode, IReadOnlyDictionary<string, string>? headers, string method, string path, int attempts, TimeSpan duration)
        : base(statusCode, headers, method, path, attempts, duration)
    {
        Value = value;
    }

    /// <summary>The value the response carried.</summary>
    public T Value { get; }
}
