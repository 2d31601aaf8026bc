namespace ElasticFunnels.Crm.RateLimiting;

/// <summary>
/// Thrown inside the pipeline when a request cannot be given a place in its key's budget: the wait would
/// outlast the call's timeout, or the queue is full. The call runner turns it into a <see cref="CrmRateLimitException"/>;
/// nothing was sent for this attempt.
/// </summary>
internal sealed class BudgetExceededException(TimeSpan wait, bool queueFull)
    : Exception("The request budget of this access key has no place the call can wait for.")
{
    public TimeSpan Wait { get; } = wait;

    public bool QueueFull { get; } = queueFull;
}
