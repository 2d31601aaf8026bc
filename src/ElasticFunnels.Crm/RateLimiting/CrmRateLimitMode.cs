namespace ElasticFunnels.Crm;

/// <summary>How the SDK paces requests for one access key (see <see cref="CrmRateLimitOptions"/>).</summary>
public enum CrmRateLimitMode
{
    /// <summary>
    /// The default: no limit until the API answers 429; then every caller for the key waits out one shared
    /// pause, and the key's sending rate is set to what the server accepted and ramps back up.
    /// </summary>
    Adaptive = 0,

    /// <summary>A rate you know (<see cref="CrmRateLimitOptions.PermitLimit"/> per <see cref="CrmRateLimitOptions.Window"/>), with the same shared pause after a 429.</summary>
    Fixed = 1,

    /// <summary>No budget: each call that gets a 429 backs off and retries on its own (<see cref="ElasticFunnelsCrmOptions.Retry"/>).</summary>
    Off = 2,
}
