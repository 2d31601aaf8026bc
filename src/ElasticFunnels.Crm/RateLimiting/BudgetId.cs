using System.Security.Cryptography;
using System.Text;

namespace ElasticFunnels.Crm.RateLimiting;

/// <summary>
/// Names the budget of an API origin and access key without containing the key: a keyed hash (HMAC-SHA256)
/// of both, so the same key gives the same id in every process, and the id reveals nothing of the key.
/// </summary>
internal static class BudgetId
{
    private static readonly byte[] HashKey = "ElasticFunnels.Crm request budget v1"u8.ToArray();

    public static string For(Uri baseAddress, string accessKey)
    {
        var origin = baseAddress.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
        var hash = HMACSHA256.HashData(HashKey, Encoding.UTF8.GetBytes(origin + "\n" + accessKey));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
