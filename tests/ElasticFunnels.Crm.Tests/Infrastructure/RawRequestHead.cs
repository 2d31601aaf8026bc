namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>The request line and headers of a request <see cref="RawHttpServer"/> received.</summary>
public sealed record RawRequestHead(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    public static RawRequestHead Parse(string text)
    {
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return new RawRequestHead(requestLine[0], requestLine[1], headers);
    }
}
