namespace ElasticFunnels.Crm;

/// <summary>
/// Keeps the request budgets of access keys: when each request may leave, the shared pause after a 429,
/// and the adaptive rate. The SDK keeps budgets in the process by default; a shared store (the
/// ElasticFunnels.Crm.Redis package) lets several processes with one key share one budget. Set it with
/// <see cref="CrmRateLimitOptions.UseStore"/>.
/// </summary>
/// <remarks>
/// A budget is named by an id the SDK derives from the API origin and a keyed hash of the access key; it
/// never contains the key. An implementation must be thread-safe and should answer quickly: the SDK gives
/// each operation 250 ms, and when one fails or is late it uses this process's budget instead (logging a
/// warning), so a store's outage never fails a call.
/// </remarks>
public abstract class CrmRateLimitStore
{
    /// <summary>
    /// Takes the next place in a budget's queue, or, with <paramref name="previous"/>, confirms a place after
    /// its wait: still good when no pause began meanwhile, otherwise a new place after the pause.
    /// </summary>
    /// <param name="budgetId">The budget; never contains the access key.</param>
    /// <param name="policy">The rules of the budget.</param>
    /// <param name="maxWait">The longest the caller can wait; a longer wait is refused (<see cref="CrmRateLimitLease.Granted"/> false).</param>
    /// <param name="previous">The lease whose wait just ended, or null for a new request.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The lease.</returns>
    public abstract ValueTask<CrmRateLimitLease> AcquireAsync(string budgetId, CrmRateLimitPolicy policy, TimeSpan maxWait, CrmRateLimitLease? previous, CancellationToken cancellationToken);

    /// <summary>Gives back a granted place whose request will not be sent (its caller cancelled while waiting), so the next request can take it.</summary>
    /// <param name="budgetId">The budget.</param>
    /// <param name="policy">The rules of the budget.</param>
    /// <param name="lease">The lease to give back.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the place is free.</returns>
    public abstract ValueTask ReleaseAsync(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitLease lease, CancellationToken cancellationToken);

    /// <summary>
    /// Reports what the API answered to a request sent under <paramref name="lease"/>: accepted, or refused
    /// with 429 (<paramref name="refused"/> true) and the <c>Retry-After</c> it gave, if any.
    /// </summary>
    /// <param name="budgetId">The budget.</param>
    /// <param name="policy">The rules of the budget.</param>
    /// <param name="lease">The lease the request was sent under.</param>
    /// <param name="refused">Whether the API answered 429.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c> with a 429, or null.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the budget has recorded it.</returns>
    public abstract ValueTask ReportAsync(string budgetId, CrmRateLimitPolicy policy, CrmRateLimitLease lease, bool refused, TimeSpan? retryAfter, CancellationToken cancellationToken);
}
