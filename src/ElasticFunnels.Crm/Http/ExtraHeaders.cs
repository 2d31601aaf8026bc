namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Checks the extra headers of <see cref="CrmRequestOptions.Headers"/>: a caller may add headers, but
/// never replace the ones the SDK owns (the key, what it accepts, framing and hop-by-hop headers), and
/// never smuggle a second header or request through a line break.
/// </summary>
internal static class ExtraHeaders
{
    /// <summary>Copies the headers after checking them, so later changes to the caller's dictionary do not reach a call in flight.</summary>
    public static KeyValuePair<string, string>[] Snapshot(IDictionary<string, string> headers, string paramName)
    {
        if (headers.Count == 0)
        {
            return [];
        }

        var copy = new KeyValuePair<string, string>[headers.Count];
        var i = 0;
        foreach (var (name, value) in headers)
        {
            Check(name, value, paramName);
            copy[i++] = new(name, value);
        }

        return copy;
    }

    private static void Check(string name, string? value, string paramName)
    {
        if (string.IsNullOrEmpty(name) || !name.All(IsTokenChar))
        {
            throw new ArgumentException($"{paramName}.Headers has the name '{Printable(name)}', which is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only).", paramName);
        }

        if (IsReserved(name) || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{paramName}.Headers cannot set '{name}': the SDK sets that header itself (the access key, Accept, Host, content and connection headers cannot be replaced per call).", paramName);
        }

        if (value is null)
        {
            throw new ArgumentException($"{paramName}.Headers['{name}'] is null; remove the header instead.", paramName);
        }

        foreach (var c in value)
        {
            if (c != '\t' && (char.IsControl(c) || c > '\u007e'))
            {
                throw new ArgumentException($"{paramName}.Headers['{name}'] contains U+{(int)c:X4}; header values must be printable ASCII (no line breaks or control characters).", paramName);
            }
        }
    }

    // A list read per header rather than a static set: extra headers are rare, and a static initialiser is out
    // of reach of mutation testing (each name here is pinned by a test).
    private static bool IsReserved(string name)
    {
        // Every Content-* and Proxy-* name (Content-Length, Content-Type, Proxy-Authorization, …) is refused by
        // its prefix in Check, so only the others are listed.
        ReadOnlySpan<string> reserved =
        [
            ApiRequestHandler.AccessKeyHeader, "Accept", "Host", "Authorization", "Cookie", "Transfer-Encoding",
            "Connection", "Keep-Alive", "TE", "Trailer", "Upgrade", "Expect",
        ];
        foreach (var header in reserved)
        {
            if (string.Equals(name, header, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // RFC 9110 §5.6.2: tchar.
    private static bool IsTokenChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    // The names come from CrmRequestOptions.Headers, a Dictionary: never null.
    private static string Printable(string name) =>
        new string([.. name.Select(c => char.IsControl(c) ? '?' : c)]);
}
