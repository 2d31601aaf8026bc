namespace ElasticFunnels.Crm;

/// <summary>
/// When the SDK stops calling a failing API for a while, so a struggling server is not hammered and
/// callers fail fast (with a <see cref="CrmConnectionException"/>) instead of waiting for timeouts.
/// Set through <see cref="ElasticFunnelsCrmOptions.CircuitBreaker"/> or <c>ElasticFunnels:Crm:CircuitBreaker</c>.
/// </summary>
/// <remarks>
/// <para>Defaults: <see cref="Enabled"/> true; the circuit opens when at least <see cref="FailureRatio"/> 0.5 of at
/// least <see cref="MinimumThroughput"/> 20 attempts within <see cref="SamplingDuration"/> 30 seconds failed, and stays
/// open for <see cref="BreakDuration"/> 15 seconds before one trial call. Failures are 5xx, 408, timed-out attempts and
/// broken connections; 429 and other 4xx are answers, not failures, and never open it.</para>
/// <para>Valid values (checked when enabled): <see cref="FailureRatio"/> above 0 and at most 1,
/// <see cref="MinimumThroughput"/> at least 2, durations between 0.5 seconds and 24 hours. With dependency injection the
/// breaker is shared by every call of one registration (one per brand), as the HTTP connections are.</para>
/// </remarks>
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
