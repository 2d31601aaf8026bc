namespace ElasticFunnels.Crm;

internal sealed partial class EntriesClient
{
    public Task<BulkResult<Entry>> CreateManyAsync(long entityId, IEnumerable<EntryCreateRequest> requests, BulkOptions? options = null, CancellationToken cancellationToken = default) =>
        CreateManyAsync(entityId, requests, options, null, cancellationToken);

    public Task<BulkResult<Entry>> CreateManyAsync(long entityId, IEnumerable<EntryCreateRequest> requests, BulkOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(requests);
        runner.Settings(requestOptions);
        return BulkRunner.RunAsync(requests, options, (request, ct) => CreateAsync(entityId, request, requestOptions, ct), cancellationToken);
    }

    public Task<BulkResult<Entry>> UpdateManyAsync(long entityId, IEnumerable<BulkEntryUpdate> updates, BulkOptions? options = null, CancellationToken cancellationToken = default) =>
        UpdateManyAsync(entityId, updates, options, null, cancellationToken);

    public Task<BulkResult<Entry>> UpdateManyAsync(long entityId, IEnumerable<BulkEntryUpdate> updates, BulkOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(updates);
        runner.Settings(requestOptions);
        return BulkRunner.RunAsync(
            updates,
            options,
            (update, ct) => UpdateAsync(entityId, Guard.NotNull(update, nameof(update)).EntryId, update.Request, requestOptions, ct),
            cancellationToken);
    }

    public Task<BulkResult<EntryUpsertResult>> UpsertManyByReferenceAsync(long entityId, IEnumerable<EntryCreateRequest> requests, BulkOptions? options = null, CancellationToken cancellationToken = default) =>
        UpsertManyByReferenceAsync(entityId, requests, options, null, cancellationToken);

    public Task<BulkResult<EntryUpsertResult>> UpsertManyByReferenceAsync(long entityId, IEnumerable<EntryCreateRequest> requests, BulkOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(requests);
        runner.Settings(requestOptions);
        return BulkRunner.RunAsync(requests, options, (request, ct) => UpsertByReferenceAsync(entityId, request, requestOptions, ct), cancellationToken);
    }
}
