using ElasticFunnels.Crm.Cli.Api;

namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>
/// Streams an import file through the SDK's bulk writes: rows are read one at a time, checked, and sent
/// in small batches (<see cref="IEntriesClient.CreateManyAsync(long, IEnumerable{EntryCreateRequest}, BulkOptions?, CancellationToken)"/>, or
/// <see cref="IEntriesClient.UpsertManyByReferenceAsync(long, IEnumerable{EntryCreateRequest}, BulkOptions?, CancellationToken)"/> with --upsert-by reference); each batch's
/// outcome is appended to the results file and flushed before the next batch is read. Memory holds one
/// batch, whatever the file's size. Ctrl-C stops new rows from starting; rows in flight finish and are recorded.
/// </summary>
internal sealed class Importer(CrmApi api, long entityId, ImportSettings settings, RowConverter converter, int concurrency, Func<string, string> redact)
{
    /// <summary>Imports the rows not in <paramref name="done"/>; with no results file (a dry run) only checks them, telling <paramref name="invalid"/> about each bad one.</summary>
    public async Task<ImportSummary> RunAsync(
        ImportFile file, IReadOnlyDictionary<int, RowResult> done, bool retryFailed, ResultsFile? results, IImportProgress progress, Action<RowResult> invalid, CancellationToken ct)
    {
        // Small batches: a kill between two flushes leaves at most one batch unrecorded.
        var batchSize = concurrency * 4;
        var summary = new ImportSummary();
        var batch = new List<(ImportRecord Record, EntryCreateRequest Request)>(batchSize);

        // The file is read to its end even after Ctrl-C, so the summary can count the rows not sent.
        await foreach (var record in file.ReadAsync(CancellationToken.None))
        {
            summary.Rows++;
            if (done.TryGetValue(record.Row, out var previous) && !(previous.IsFailed && retryFailed))
            {
                summary.Skipped++;
                summary.SkippedFailed += previous.IsFailed ? 1 : 0;
                progress.Advance(1);
                continue;
            }

            if (summary.Cancelled || ct.IsCancellationRequested)
            {
                summary.Cancelled = true;
                summary.NotSent++;
                continue;
            }

            var (request, error, reference) = converter.Convert(record);
            if (error is not null)
            {
                var failed = new RowResult(record.Row, record.Line, RowResult.Failed, null, reference, redact(error));
                if (results is null)
                {
                    invalid(failed);
                }
                else
                {
                    results.Write(failed);
                }

                summary.Failed++;
                progress.Advance(1);
                continue;
            }

            if (results is null)
            {
                summary.Valid++;
                progress.Advance(1);
                continue;
            }

            batch.Add((record, request!));
            if (batch.Count >= batchSize)
            {
                await SendAsync(batch, results, summary, progress, ct);
            }
        }

        if (batch.Count > 0)
        {
            await SendAsync(batch, results!, summary, progress, ct);
        }

        if (results is not null)
        {
            await results.FlushAsync();
        }

        return summary;
    }

    private async Task SendAsync(List<(ImportRecord Record, EntryCreateRequest Request)> batch, ResultsFile results, ImportSummary summary, IImportProgress progress, CancellationToken ct)
    {
        var options = new BulkOptions { MaxConcurrency = concurrency, Progress = new BatchProgress(progress) };
        var requests = batch.Select(b => b.Request).ToList();
        IReadOnlyList<(BulkItemStatus Status, Exception? Exception, string? EntryId, bool Created)> outcomes;
        if (settings.UpsertByReference)
        {
            var result = await api.UpsertManyByReferenceAsync(entityId, requests, options, ct);
            outcomes = [.. result.Items.Select(i => (i.Status, i.Exception, i.Value?.Entry.Id, i.Value?.Created ?? false))];
        }
        else
        {
            var result = await api.CreateManyAsync(entityId, requests, options, ct);
            outcomes = [.. result.Items.Select(i => (i.Status, i.Exception, i.Value?.Id, true))];
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var (record, request) = batch[i];
            var (status, exception, entryId, created) = outcomes[i];
            switch (status)
            {
                case BulkItemStatus.Succeeded:
                    results.Write(new RowResult(record.Row, record.Line, created ? RowResult.Created : RowResult.Updated, entryId, request.ReferenceId, null));
                    _ = created ? summary.Created++ : summary.Updated++;
                    break;
                case BulkItemStatus.Failed:
                    results.Write(new RowResult(record.Row, record.Line, RowResult.Failed, null, request.ReferenceId, redact(Describe(exception!))));
                    summary.Failed++;
                    break;
                default:
                    // Cancelled before it started: no line, so a resumed import sends it.
                    summary.NotSent++;
                    summary.Cancelled = true;
                    break;
            }
        }

        await results.FlushAsync();
        batch.Clear();
    }

    private static string Describe(Exception exception) => exception switch
    {
        CrmValidationException invalid when invalid.FieldErrors.Count > 0 =>
            $"the API refused the row ({(int)invalid.StatusCode}): " + string.Join(" ", invalid.FieldErrors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        _ => exception.Message,
    };

    /// <summary>Turns the SDK's per-batch counts into rows finished, for the progress bar.</summary>
    private sealed class BatchProgress(IImportProgress progress) : IProgress<BulkProgress>
    {
        private readonly Lock _gate = new();
        private int _completed;

        public void Report(BulkProgress value)
        {
            int delta;
            lock (_gate)
            {
                delta = Math.Max(0, value.Completed - _completed);
                _completed = Math.Max(_completed, value.Completed);
            }

            if (delta > 0)
            {
                progress.Advance(delta);
            }
        }
    }
}
