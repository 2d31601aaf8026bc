using ElasticFunnels.Crm.RateLimiting;

namespace ElasticFunnels.Crm.Tests.RateLimiting;

/// <summary>A shared store that does not answer is given up after <see cref="BudgetGate.StoreTimeout"/> of the client's clock.</summary>
public sealed class SharedStoreTimeoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SharedStore_NeverAnswers_CallWaitsForTheClientsClockThenUsesThisProcessesBudget()
    {
        await using var harness = new BudgetHarness();
        var store = new SilentStore();
        var crm = harness.Client(o => o.RateLimit.UseStore(store));

        var call = crm.Entities.GetAsync(1, Ct);
        await store.Asked.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        // Longer than the store timeout in real time: only the fake clock may end the wait.
        await Task.Delay(BudgetGate.StoreTimeout * 2, Ct);

        Assert.False(call.IsCompleted);
        Assert.Equal(0, harness.ServerRequests);

        await harness.AdvanceAsync(BudgetGate.StoreTimeout);
        var entity = await call.WaitAsync(TimeSpan.FromSeconds(20), Ct);

        Assert.Equal("Leads", entity.Name);
        Assert.Equal(1, harness.ServerRequests);
    }

    private sealed class SilentStore : CrmRateLimitStore
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<CrmRateLimitLease> AcquireAsync(string budgetId, CrmRateLimitPolicy policy, TimeSpan maxWait, CrmRateLimitLease? previous, CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Unreachable: the delay only ends by cancellation.");
        }

        public override ValueTask ReleaseAsync(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitLease lease, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Nothing was granted, so nothing is released.");

        public override ValueTask ReportAsync(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitLease lease, bool refused, TimeSpan? retryAfter, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Nothing was granted, so nothing is reported.");
    }
}
