namespace ElasticFunnels.Crm.Redis;

/// <summary>Settings of a <see cref="RedisRateLimitStore"/>.</summary>
/// <remarks>
/// Defaults: <see cref="KeyPrefix"/> <c>efcrm:budget:</c>; <see cref="KeyHashSecret"/> null (a fixed value of the
/// package); <see cref="IdleExpiry"/> 1 hour.
/// </remarks>
public sealed class RedisRateLimitStoreOptions
{
    /// <summary>What every Redis key of the store starts with. Default <c>efcrm:budget:</c>.</summary>
    public string KeyPrefix { get; set; } = "efcrm:budget:";

    /// <summary>
    /// The secret of the keyed hash (HMAC-SHA256) that turns a budget's id into its Redis key. The id is
    /// already a keyed hash of the API origin and the access key; this second one lets you make the names
    /// unguessable to anyone who can read Redis. Every process sharing a budget must use the same value.
    /// Null (the default) uses a fixed value of the package.
    /// </summary>
    public string? KeyHashSecret { get; set; }

    /// <summary>How long a budget's keys live in Redis after their last use. Default 1 hour.</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromHours(1);
}
