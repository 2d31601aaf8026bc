using System.Text;

namespace ElasticFunnels.Crm.Testing;

/// <summary>Keeps every request in arrival order, with the access key redacted.</summary>
internal sealed class RequestRecorder
{
    public const string AccessKeyHeader = "EF-Access-Key";

    private readonly Lock sync = new();
    private readonly List<RecordedRequest> requests = [];

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (sync)
        {
            return [.. requests];
        }
    }

    public void Record(EmulatorRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = string.Equals(name, AccessKeyHeader, StringComparison.OrdinalIgnoreCase) ? "***" : value;
        }

        var body = request.Body.Length == 0 ? null : Encoding.UTF8.GetString(request.Body);
        var recorded = new RecordedRequest(request.Method, request.Path, request.Query, headers, body);
        lock (sync)
        {
            requests.Add(recorded);
        }
    }

    public void Clear()
    {
        lock (sync)
        {
            requests.Clear();
        }
    }
}
