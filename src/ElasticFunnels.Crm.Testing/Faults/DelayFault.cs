namespace ElasticFunnels.Crm.Testing;

/// <summary>A queued batch of identical extra delays.</summary>
internal sealed class DelayFault(int remaining, TimeSpan delay)
{
    public int Remaining { get; set; } = remaining;

    public TimeSpan Delay { get; } = delay;
}
