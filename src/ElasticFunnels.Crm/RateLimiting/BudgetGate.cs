using ElasticFunnels.Crm.Diagnostics;
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
    /// <paramref name="maxWait"/> is asked again after each wait: it is what the call has left.
    /// </summary>
    /// <exception cref="BudgetExceededException">The wait would outlast what the call has left, or the queue is full; nothing is held.</exception>
    public async ValueTask<Place> WaitForPlaceAsync(Func<TimeSpan> maxWait, CancellationToken cancellationToken)
    {
        var place = await AcquireAsync(maxWait(), null, cancellationToken).ConfigureAwait(false);
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
                await OnStoreAsync(place.Store, (store, ct) => store.ReleaseAsync(BudgetId, Policy, place.Lease, ct)).ConfigureAwait(false);
                throw;
            }

            waited += place.Lease.Wait;
            place = await AcquireAsync(maxWait(), place, cancellationToken).ConfigureAwait(false);
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

        return OnStoreAsync(place.Store, (store, ct) => store.ReportAsync(BudgetId, Policy, place.Lease, refused, retryAfter, ct));
    }

    private async ValueTask<Place> AcquireAsync(TimeSpan maxWait, Place? previous, CancellationToken cancellationToken)
    {
        var store = previous?.Store ?? Current;
        CrmRateLimitLease lease;
        try
        {
            lease = await WithTimeout(store, ct => store.AcquireAsync(BudgetId, Policy, maxWait, previous?.Lease, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(store, ex, cancellationToken))
        {
            // The shared store is down or slow: this process's budget takes over.
            store = _local;
            lease = await _local.AcquireAsync(BudgetId, Policy, maxWait, null, cancellationToken).ConfigureAwait(false);
        }

        return lease.Granted ? new Place(lease, store) : throw new BudgetExceededException(lease.Wait, queueFull: lease.Wait <= maxWait);
    }

    private async ValueTask OnStoreAsync(CrmRateLimitStore store, Func<CrmRateLimitStore, CancellationToken, ValueTask> operation)
    {
        try
        {
            await WithTimeout(store, async ct =>
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

    private async Task<T> WithTimeout<T>(CrmRateLimitStore store, Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(store, _local))
        {
            return await operation(cancellationToken).ConfigureAwait(false);
        }

        // On the client's clock, like the pause after a failure, so a test's fake time decides when a slow store is given up.
        using var timeout = new CancellationTokenSource(StoreTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        return await operation(linked.Token).AsTask().WaitAsync(StoreTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
    }

    private bool IsStoreFailure(CrmRateLimitStore store, Exception exception, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(store, _local) || cancellationToken.IsCancellationRequested)
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
