namespace ElasticFunnels.Crm;

/// <summary>
/// When the SDK stops calling a failing API for a while. Defaults: enabled; opens when at least half of
/// at least 20 calls in 30 seconds failed (5xx, 408, timeouts, connection failures; not 429); stays open 15 seconds.
/// </summary>
public sealed class CrmCircuitBreakerOptions
{
    /// <summary>Whether the circuit breaker is on. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The share of failed calls, between 0 and 1, that opens the circuit. Default 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The fewest calls in <see cref="SamplingDuration"/> before the circuit may open. Default 20.</summary>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>The window over which failures are counted. Default 30 seconds.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial call. Default 15 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    internal object MemberwiseCloneInternal() => MemberwiseClone();
}
