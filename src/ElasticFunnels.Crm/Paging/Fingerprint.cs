namespace ElasticFunnels.Crm.Paging;

/// <summary>
/// A stable 64-bit FNV-1a hash of text. <see cref="string.GetHashCode()"/> is randomized per process,
/// so it cannot go into a continuation token that another process reads.
/// </summary>
internal static class Fingerprint
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string? text) => Add(OffsetBasis, text);

    public static ulong Add(ulong hash, string? text)
    {
        // A marker per part keeps ("ab", null) and ("a", "b") apart.
        hash = Mix(hash, text is null ? '\u0001' : '\u0002');
        foreach (var c in text ?? string.Empty)
        {
            hash = Mix(hash, c);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, char c)
    {
        hash = (hash ^ (byte)c) * Prime;
        return (hash ^ (byte)(c >> 8)) * Prime;
    }
}
