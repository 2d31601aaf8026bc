namespace ElasticFunnels.Crm;

/// <summary>
/// The settings a <see cref="CrmRateLimitStore"/> runs a budget with, derived from <see cref="CrmRateLimitOptions"/>;
/// a store receives it with every operation, so every process applies the same rules.
/// </summary>
public sealed record CrmRateLimitPolicy
{
    /// <summary>Adaptive or fixed (a store never sees <see cref="CrmRateLimitMode.Off"/>).</summary>
    public CrmRateLimitMode Mode { get; init; }

    /// <summary>With <see cref="CrmRateLimitMode.Fixed"/>: the spacing between two requests (<c>Window / PermitLimit</c>); zero otherwise.</summary>
    public TimeSpan FixedInterval { get; init; }

    /// <summary>The pause after a 429 without <c>Retry-After</c>.</summary>
    public TimeSpan InitialBackoff { get; init; }

    /// <summary>The longest the doubling backoff reaches.</summary>
    public TimeSpan MaxBackoff { get; init; }

    /// <summary>The most requests that may wait at once.</summary>
    public int QueueLimit { get; init; }

    /// <summary>Adaptive: how fast the rate grows between 429s once well above the rate last refused, as a fraction of itself per second (0.02).</summary>
    public double IncreasePerSecond { get; init; } = 0.02;

    /// <summary>Adaptive: the least the rate grows per second, in requests per second (0.2).</summary>
    public double MinIncreasePerSecond { get; init; } = 0.2;

    /// <summary>Adaptive: the lowest rate, in requests per second (0.1).</summary>
    public double MinRate { get; init; } = 0.1;

    internal static CrmRateLimitPolicy From(CrmRateLimitOptions options) => new()
    {
        Mode = options.Mode,
        FixedInterval = options.Mode == CrmRateLimitMode.Fixed ? options.Window / options.PermitLimit : TimeSpan.Zero,
        InitialBackoff = options.InitialBackoff,
        MaxBackoff = options.MaxBackoff,
        QueueLimit = options.QueueLimit,
    };
}
