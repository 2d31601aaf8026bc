namespace ElasticFunnels.Crm;

/// <summary>Where a bulk operation stands, as reported to <see cref="BulkOptions.Progress"/>.</summary>
/// <param name="Total">The number of items in the batch.</param>
/// <param name="Succeeded">Items written so far.</param>
/// <param name="Failed">Items that failed so far.</param>
public readonly record struct BulkProgress(int Total, int Succeeded, int Failed)
{
    /// <summary>Items finished so far, succeeded or failed.</summary>
    public int Completed => Succeeded + Failed;
}
