namespace ElasticFunnels.Crm;

/// <summary>
/// Runs one call per item with at most <see cref="BulkOptions.MaxConcurrency"/> in flight, and keeps
/// every outcome. Cancellation only stops new items from starting: a started item runs to its end
/// under the client's own timeouts, never the caller's token, so when the run stops every item is
/// known to be written, failed or never sent.
/// </summary>
internal static class BulkRunner
{
    /// <summary>Checks the arguments now (not when the task is awaited), then runs the batch.</summary>
    public static Task<BulkResult<TResult>> RunAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        BulkOptions? options,
        Func<TItem, CancellationToken, Task<TResult>> call,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        options ??= new BulkOptions();
        options.Validate(nameof(options));

        // A copy: the caller may change the collection while the batch runs, and the total must be known.
        return RunCoreAsync(items.ToArray(), options.MaxConcurrency, options.Progress, call, cancellationToken);
    }

    private static async Task<BulkResult<TResult>> RunCoreAsync<TItem, TResult>(
        TItem[] batch,
        int maxConcurrency,
        IProgress<BulkProgress>? reporter,
        Func<TItem, CancellationToken, Task<TResult>> call,
        CancellationToken cancellationToken)
    {
        var results = new BulkItemResult<TResult>?[batch.Length];
        var progress = new ProgressCounter(batch.Length, reporter);
        var next = -1;

        async Task WorkAsync()
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= batch.Length)
                {
                    return;
                }

                BulkItemResult<TResult> result;
                try
                {
                    var value = await call(batch[index], CancellationToken.None).ConfigureAwait(false);
                    result = BulkItemResult<TResult>.Success(index, value);
                }
#pragma warning disable CA1031 // One item's failure, whatever it is, is that item's result and must not lose the others.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    result = BulkItemResult<TResult>.Failure(index, ex);
                }

                results[index] = result;
                progress.Add(result.IsSuccess);
            }
        }

        var workers = new Task[Math.Min(maxConcurrency, batch.Length)];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(WorkAsync, CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);

        var all = new BulkItemResult<TResult>[batch.Length];
        var canceled = false;
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = results[i] ?? BulkItemResult<TResult>.NotAttempted(i);
            canceled |= results[i] is null;
        }

        return new BulkResult<TResult>(all, canceled);
    }

    private sealed class ProgressCounter(int total, IProgress<BulkProgress>? progress)
    {
        private readonly Lock _gate = new();
        private int _succeeded;
        private int _failed;

        public void Add(bool succeeded)
        {
            // Under the lock so reports arrive one at a time with counts that only grow.
            lock (_gate)
            {
                if (succeeded)
                {
                    _succeeded++;
                }
                else
                {
                    _failed++;
                }

                progress?.Report(new BulkProgress(total, _succeeded, _failed));
            }
        }
    }
}
