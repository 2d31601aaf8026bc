namespace ElasticFunnels.Crm.Raw;

/// <summary>
/// Checks the path of a <see cref="CrmRawRequest"/>: it must stay below the brand's CRM root on the
/// configured origin, whatever the server or a proxy decodes or normalises.
/// </summary>
internal static class RawPath
{
    public static void Check(string? path, string paramName)
    {
        ArgumentNullException.ThrowIfNull(path, paramName);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException($"{paramName} must not be empty: give the path below the brand's CRM root, e.g. entities/1/automations.", paramName);
        }

        if (path[0] is '/' or '\\' || path.Contains("://", StringComparison.Ordinal) || path.Split('/')[0].Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{paramName} must be relative to the brand's CRM root without a leading slash (e.g. entities/1/automations); absolute URLs and //host paths are refused, so a request can only reach the configured API.", paramName);
        }

        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                i++;
                continue;
            }

            if (c is '\\' or '?' or '#' || char.IsControl(c) || char.IsSurrogate(c))
            {
                throw new ArgumentException($"{paramName} contains {Describe(c)}, which a path of a raw request cannot contain (put the query in CrmRawRequest.Query; backslashes and control characters would change the path).", paramName);
            }
        }

        foreach (var segment in path.Split('/'))
        {
            var decoded = Decode(segment, paramName);
            if (segment.Length == 0 || decoded is "." or ".." || decoded.AsSpan().IndexOfAny("/\\?#") >= 0 || decoded.Any(char.IsControl))
            {
                throw new ArgumentException($"{paramName} has the segment '{segment}', which would address another resource (empty, '.' or '..' segments, and encoded slashes, dots or query characters are refused).", paramName);
            }
        }
    }

    // A path is escaped by the SDK, but a server or proxy may decode it again: judge what it decodes to.
    private static string Decode(string segment, string paramName)
    {
        var decoded = segment;
        for (var i = 0; i < 3 && decoded.Contains('%', StringComparison.Ordinal); i++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        return decoded.Length == 0 ? throw new ArgumentException($"{paramName} has an empty segment.", paramName) : decoded;
    }

    private static string Describe(char c) => char.IsControl(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
