using ElasticFunnels.Crm.Diagnostics;
using ElasticFunnels.Crm.Http;
using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm.RateLimiting;

/// <summary>
/// One client's way into its key's budget: the shared store when one is configured, this process's
/// budget when there is none, or while the shared store fails or answers later than <see cref="StoreTimeout"/>
/// (it is tried again after <see cref="StoreRetryAfter"/>), so a store's outage never fails a call.
/// </summary>
internal sealed class BudgetGate
{
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan StoreRetryAfter = TimeSpan.FromSeconds(5);

    private readonly CrmRateLimitStore? _shared;
    private readonly InProcessRateLimitStore _local;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private long _sharedDownUntil = long.MinValue;

    public BudgetGate(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitStore? shared, TimeProvider timeProvider, ILogger logger)
    {
        BudgetId = budgetId;
        Policy = policy;
        _shared = shared;
        _local = InProcessRateLimitStore.For(timeProvider);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public string BudgetId { get; }

    public CrmRateLimitPolicy Policy { get; }

    /// <summary>
    /// Waits for a place (the queue and any pause), confirms it after the wait, and returns it.
    /// What <paramref name="call"/> has left of its total timeout is asked again after each wait; a call
    /// without one (null: a request not sent by the SDK's runner) may wait as long as the queue allows.
    /// </summary>
    /// <exception cref="BudgetExceededException">The wait would outlast what the call has left, or the queue is full; nothing is held.</exception>
    public async ValueTask<Place> WaitForPlaceAsync(CrmCall? call, CancellationToken cancellationToken)
    {
        var place = await AcquireAsync(TimeLeft(call), null, cancellationToken).ConfigureAwait(false);
        var waited = TimeSpan.Zero;
        while (place.Lease.Wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(place.Lease.Wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up while queued: its place goes to the next request.
                await ReleaseAsync(place).ConfigureAwait(false);
                throw;
            }

            waited += place.Lease.Wait;
            place = await AcquireAsync(TimeLeft(call), place, cancellationToken).ConfigureAwait(false);
        }

        if (waited > TimeSpan.Zero)
        {
            CrmDiagnostics.RateLimitWait.Record(waited.TotalSeconds);
            CrmDiagnostics.RateLimitDelayed.Add(1);
        }

        return place;
    }

    /// <summary>Tells the budget what the API answered to the request sent in <paramref name="place"/>.</summary>
    public ValueTask ReportAsync(Place place, bool refused, TimeSpan? retryAfter)
    {
        if (refused)
        {
            CrmDiagnostics.RateLimitRefusals.Add(1);
        }

        // This process's budget answers at once and cannot fail: no timeout, no fallback.
        return ReferenceEquals(place.Store, _local)
            ? _local.ReportAsync(BudgetId, Policy, place.Lease, refused, retryAfter, CancellationToken.None)
            : ReportSharedAsync(place, refused, retryAfter);
    }

    // Separate methods, so the closures for the shared store are not allocated on the common path.
    private ValueTask ReportSharedAsync(Place place, bool refused, TimeSpan? retryAfter) =>
        OnSharedStoreAsync(place.Store, (store, ct) => store.ReportAsync(BudgetId, Policy, place.Lease, refused, retryAfter, ct));

    private ValueTask ReleaseAsync(Place place) =>
        ReferenceEquals(place.Store, _local)
            ? _local.ReleaseAsync(BudgetId, Policy, place.Lease, CancellationToken.None)
            : OnSharedStoreAsync(place.Store, (store, ct) => store.ReleaseAsync(BudgetId, Policy, place.Lease, ct));

    private TimeSpan TimeLeft(CrmCall? call) =>
        call is null ? TimeSpan.MaxValue : call.TimeLeft(_timeProvider) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    private async ValueTask<Place> AcquireAsync(TimeSpan maxWait, Place? previous, CancellationToken cancellationToken)
    {
        var store = previous?.Store ?? Current;

        // This process's budget, the common case, answers at once and cannot fail: no timeout, no fallback.
        var (lease, grantedBy) = ReferenceEquals(store, _local)
            ? (await _local.AcquireAsync(BudgetId, Policy, maxWait, previous?.Lease, cancellationToken).ConfigureAwait(false), store)
            : await AcquireSharedAsync(store, maxWait, previous?.Lease, cancellationToken).ConfigureAwait(false);
        return lease.Granted ? new Place(lease, grantedBy) : throw new BudgetExceededException(lease.Wait, queueFull: lease.Wait <= maxWait);
    }

    private async ValueTask<(CrmRateLimitLease Lease, CrmRateLimitStore Store)> AcquireSharedAsync(CrmRateLimitStore store, TimeSpan maxWait, CrmRateLimitLease? previous, CancellationToken cancellationToken)
    {
        try
        {
            return (await WithTimeoutAsync(ct => store.AcquireAsync(BudgetId, Policy, maxWait, previous, ct), cancellationToken).ConfigureAwait(false), store);
        }
        catch (Exception ex) when (IsStoreFailure(store, ex, cancellationToken))
        {
            // The shared store is down or slow: this process's budget takes over.
            return (await _local.AcquireAsync(BudgetId, Policy, maxWait, null, cancellationToken).ConfigureAwait(false), _local);
        }
    }

    private async ValueTask OnSharedStoreAsync(CrmRateLimitStore store, Func<CrmRateLimitStore, CancellationToken, ValueTask> operation)
    {
        try
        {
            await WithTimeoutAsync(async ct =>
            {
                await operation(store, ct).ConfigureAwait(false);
                return true;
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(store, ex, CancellationToken.None))
        {
            // Logged by IsStoreFailure; a lost report only makes the shared budget a little less exact.
        }
    }

    private CrmRateLimitStore Current =>
        _shared is not null && _timeProvider.GetTimestamp() >= Volatile.Read(ref _sharedDownUntil) ? _shared : _local;

    private async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        // On the client's clock, like the pause after a failure, so a test's fake time decides when a slow store is given up.
        using var timeout = new CancellationTokenSource(StoreTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        return await operation(linked.Token).AsTask().WaitAsync(StoreTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
    }

    private bool IsStoreFailure(CrmRateLimitStore store, Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var downUntil = _timeProvider.GetTimestamp() + (long)(StoreRetryAfter.TotalSeconds * _timeProvider.TimestampFrequency);
        if (Interlocked.Exchange(ref _sharedDownUntil, downUntil) < _timeProvider.GetTimestamp())
        {
            // Once per outage: the store was considered up until now.
            CrmLog.RateLimitStoreUnavailable(_logger, store.GetType().Name, StoreRetryAfter.TotalSeconds, exception.GetType().Name, exception.Message);
        }

        return true;
    }

    /// <summary>A granted place and the store that granted it; the answer is reported to the same store.</summary>
    public sealed record Place(CrmRateLimitLease Lease, CrmRateLimitStore Store);
}
