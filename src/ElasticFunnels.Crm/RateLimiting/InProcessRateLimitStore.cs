using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ElasticFunnels.Crm.RateLimiting;

/// <summary>
/// The budgets of this process, one per budget id, on one clock. Every client with the same clock shares
/// this store, so clients with the same origin and key share a budget however they were created.
/// </summary>
internal sealed class InProcessRateLimitStore : CrmRateLimitStore
{
    private static readonly ConditionalWeakTable<TimeProvider, InProcessRateLimitStore> ByClock = [];

    private readonly ConcurrentDictionary<string, RequestBudget> _budgets = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly long _origin;

    private InProcessRateLimitStore(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _origin = timeProvider.GetTimestamp();
    }

    /// <summary>The process-wide store of <paramref name="timeProvider"/> (tests on fake time get their own).</summary>
    public static InProcessRateLimitStore For(TimeProvider timeProvider) => ByClock.GetValue(timeProvider, static clock => new InProcessRateLimitStore(clock));

    public RequestBudget Budget(string budgetId) => _budgets.GetOrAdd(budgetId, static _ => new RequestBudget());

    public override ValueTask<CrmRateLimitLease> AcquireAsync(string budgetId, CrmRateLimitPolicy policy, TimeSpan maxWait, CrmRateLimitLease? previous, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Budget(budgetId).Acquire(Now, policy, maxWait, previous));

    public override ValueTask ReleaseAsync(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitLease lease, CancellationToken cancellationToken)
    {
        Budget(budgetId).Release(lease, policy);
        return ValueTask.CompletedTask;
    }

    public override ValueTask ReportAsync(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitLease lease, bool refused, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        Budget(budgetId).Report(Now, policy, lease, refused, retryAfter);
        return ValueTask.CompletedTask;
    }

    private long Now => _timeProvider.GetElapsedTime(_origin).Ticks;
}
