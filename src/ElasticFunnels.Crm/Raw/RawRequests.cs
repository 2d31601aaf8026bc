using ElasticFunnels.Crm.Http;

namespace ElasticFunnels.Crm.Raw;

/// <summary>Sends <see cref="CrmRawRequest"/>s through the call runner, like any typed call.</summary>
internal sealed class RawRequests(IRawApi api, CrmCallRunner runner)
{
    public Task<CrmResponse<T>> SendAsync<T>(CrmRawRequest request, ResponseBody<T> body, CrmRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Checked again and copied now: the caller may change the query or body while the call runs.
        RawPath.Check(request.Path, nameof(request));
        var path = request.Path;
        var query = CheckedQuery(request.Query, nameof(request));
        var method = request.Method;
        var json = request.Body?.DeepClone();
        if (json is not null && (method == HttpMethod.Get || method == HttpMethod.Delete))
        {
            throw new ArgumentException($"request.Body is set, but a {method.Method} request carries no body; use POST, PUT or PATCH, or put the values in request.Query.", nameof(request));
        }

        var brand = runner.BrandId;
        Func<CrmCall, CancellationToken, Task<HttpResponseMessage>> send =
            method == HttpMethod.Get ? (call, ct) => api.Get(brand, path, query, call, ct)
            : method == HttpMethod.Delete ? (call, ct) => api.Delete(brand, path, query, call, ct)
            : method == HttpMethod.Post ? (call, ct) => api.Post(brand, path, query, json, call, ct)
            : method == HttpMethod.Put ? (call, ct) => api.Put(brand, path, query, json, call, ct)
            : (call, ct) => api.Patch(brand, path, query, json, call, ct);
        var operation = "Raw." + char.ToUpperInvariant(method.Method[0]) + method.Method[1..].ToLowerInvariant();
        return runner.ResponseAsync(runner.Prepare(operation, requestOptions, body, send), cancellationToken);
    }

    private static Dictionary<string, string> CheckedQuery(IDictionary<string, string> query, string paramName)
    {
        var copy = new Dictionary<string, string>(query.Count, StringComparer.Ordinal);
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException($"{paramName}.Query has an empty parameter name.", paramName);
            }

            copy[name] = value ?? throw new ArgumentException($"{paramName}.Query['{name}'] is null; remove the parameter instead.", paramName);
        }

        return copy;
    }
}
