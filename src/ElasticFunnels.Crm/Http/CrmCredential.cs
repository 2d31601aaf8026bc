using ElasticFunnels.Crm.RateLimiting;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// An access key and the request budget that belongs to it (a budget is per origin and key, so a new key
/// brings a new budget). Immutable: a call takes the client's current credential when it starts and every
/// attempt of that call sends the same key, however often the key is rotated meanwhile.
/// </summary>
internal sealed class CrmCredential(string accessKey, BudgetGate? budget)
{
    public string AccessKey { get; } = accessKey;

    /// <summary>The key's request budget, or null when rate limiting is off.</summary>
    public BudgetGate? Budget { get; } = budget;

    /// <summary>Never the key.</summary>
    /// <returns><c>CrmCredential { AccessKey = *** }</c>.</returns>
    public override string ToString() => "CrmCredential { AccessKey = *** }";
}
