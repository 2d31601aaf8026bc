namespace ElasticFunnels.Crm;

internal sealed partial class EntriesClient
{
    /// <summary>How many matches of a reference one search reads (the API's page maximum).</summary>
    private const int ReferenceSearchPageSize = EntryListOptions.MaxPerPage;

    // Upserts of one reference through this client run one at a time; the entries this client
    // created are remembered because a search may not list them yet.
    private readonly KeyedLock<ReferenceKey> _upsertLocks = new();
    private readonly CreatedReferences<ReferenceKey> _createdByReference = new(runner.Runtime.TimeProvider);

    public Task<EntryUpsertResult> UpsertByReferenceAsync(long entityId, EntryCreateRequest request, CancellationToken cancellationToken = default) =>
        UpsertByReferenceAsync(entityId, request, null, cancellationToken);

    public Task<EntryUpsertResult> UpsertByReferenceAsync(long entityId, EntryCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        EntryRequestRules.CheckCreate(request, nameof(request));
        Guard.Required(request.ReferenceType, nameof(request), nameof(request.ReferenceType));
        Guard.Required(request.ReferenceId, nameof(request), nameof(request.ReferenceId));
        runner.Settings(requestOptions);
        return UpsertCoreAsync(entityId, request, requestOptions, cancellationToken);
    }

    private async Task<EntryUpsertResult> UpsertCoreAsync(long entityId, EntryCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        // Schema problems are found before the lookup, so an invalid upsert sends nothing but the fields GET.
        await CheckUpsertValuesAsync(entityId, request, requestOptions, cancellationToken).ConfigureAwait(false);

        var key = new ReferenceKey(entityId, request.ReferenceType!, request.ReferenceId!);
        using (await _upsertLocks.LockAsync(key, cancellationToken).ConfigureAwait(false))
        {
            var (existingId, matches) = await FindByReferenceAsync(key, requestOptions, cancellationToken).ConfigureAwait(false);
            if (existingId is not null)
            {
                try
                {
                    var updated = await UpdateAsync(entityId, existingId, ToUpdate(request), requestOptions, cancellationToken).ConfigureAwait(false);
                    return new EntryUpsertResult(updated, Created: false) { MatchCount = matches };
                }
                catch (CrmNotFoundException)
                {
                    // Deleted after the search listed it (or after this client created it): the
                    // reference has no entry any more, so it is created again below.
                    _createdByReference.Forget(key);
                }
            }

            var created = await CreateAsync(entityId, request, requestOptions, cancellationToken).ConfigureAwait(false);
            _createdByReference.Remember(key, created.Id);
            return new EntryUpsertResult(created, Created: true);
        }
    }

    private static EntryUpdateRequest ToUpdate(EntryCreateRequest request) => new()
    {
        // Pipeline and stage stay where the entry is: a redelivered webhook must not move it back.
        Title = request.Title,
        Values = request.Values,
        ReferenceType = request.ReferenceType,
        ReferenceId = request.ReferenceId,
        AssignedToUserId = request.AssignedToUserId,
        AssignedToTeamId = request.AssignedToTeamId,
    };

    /// <summary>
    /// Finds the entry of a reference. With several (duplicates made by other clients or processes)
    /// it picks the oldest, the last in the API's newest-first order, reading the last page of
    /// matches when there are more than one page's worth, so every caller updates the same one.
    /// </summary>
    private async Task<(string? Id, long Matches)> FindByReferenceAsync(ReferenceKey key, CrmRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var filter = new EntryListOptions { ReferenceType = key.Type, ReferenceId = key.Id, PerPage = ReferenceSearchPageSize };
        var first = await ListAsync(key.EntityId, filter, requestOptions, cancellationToken).ConfigureAwait(false);
        var oldest = LastExactMatch(first, key);
        var matches = first.Total;
        if (first.HasMore)
        {
            filter.Page = first.LastPage;
            var last = await ListAsync(key.EntityId, filter, requestOptions, cancellationToken).ConfigureAwait(false);
            oldest = LastExactMatch(last, key) ?? oldest;
        }
        else if (first.Values.Count > 0)
        {
            matches = first.Values.Count(e => IsExactMatch(e, key));
        }

        if (oldest is not null)
        {
            // The search has caught up with anything this client created.
            _createdByReference.Forget(key);
            return (oldest.Id, Math.Max(1, matches));
        }

        return _createdByReference.Recall(key) is { } remembered ? (remembered, 1) : (null, 0);
    }

    private static Entry? LastExactMatch(CrmPage<Entry> page, ReferenceKey key) => page.Values.LastOrDefault(e => IsExactMatch(e, key));

    // The filter is a search: an entry is only taken when the reference it reports is the exact one
    // asked for (ordinal), so a search that also matches "conv-12" for "conv-1" cannot misdirect an update.
    private static bool IsExactMatch(Entry entry, ReferenceKey key) =>
        (entry.ReferenceType is null || string.Equals(entry.ReferenceType, key.Type, StringComparison.Ordinal))
        && (entry.ReferenceId is null || string.Equals(entry.ReferenceId, key.Id, StringComparison.Ordinal));

    private readonly record struct ReferenceKey(long EntityId, string Type, string Id);
}
