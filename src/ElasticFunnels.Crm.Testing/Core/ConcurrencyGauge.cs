namespace ElasticFunnels.Crm.Testing;

/// <summary>Counts requests in flight and remembers the peak, lock-free so measuring does not serialise requests.</summary>
internal sealed class ConcurrencyGauge
{
    private int current;
    private int max;

    public int Max => Volatile.Read(ref max);

    public void Enter()
    {
        var now = Interlocked.Increment(ref current);
        var seen = Volatile.Read(ref max);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref max, now, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }
    }

    public void Exit() => Interlocked.Decrement(ref current);

    /// <summary>Requests still in flight during a reset count towards the new peak.</summary>
    public void ResetMax() => Volatile.Write(ref max, Volatile.Read(ref current));
}
