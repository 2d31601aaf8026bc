namespace ElasticFunnels.Crm.Tests.Bulk;

/// <summary>An <see cref="IProgress{T}"/> that records reports on the reporting thread, so a test sees them all when the call returns.</summary>
public sealed class SyncProgress(Action<BulkProgress>? onReport = null) : IProgress<BulkProgress>
{
    private readonly List<BulkProgress> _reports = [];

    public IReadOnlyList<BulkProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(BulkProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
