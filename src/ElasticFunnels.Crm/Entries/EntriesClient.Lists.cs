using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ElasticFunnels.Crm.Internal;

namespace ElasticFunnels.Crm;

internal sealed partial class EntriesClient
{
    // Serializes upserts of one reference through this client. Entries are searched in
    // Elasticsearch, where a new entry can take a moment to appear, so the client also remembers
    // the entries it created by reference.
    private readonly KeyedLock<ReferenceKey> _upsertLocks = new();
    private readonly ConcurrentDictionary<ReferenceKey, string> _createdByReference = new();

    public IAsyncEnumerable<Entry> ListAsync(long entityId, EntryListOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        var query = options?.Clone() ?? new EntryListOptions();
        query.Validate(nameof(options));
        return Enumerate(entityId, query, cancellationToken);
    }

    private async IAsyncEnumerable<Entry> Enumerate(long entityId, EntryListOptions query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var page = query.Page ?? 1;
        while (true)
        {
            query.Page = page;
            var result = await ListPageAsync(entityId, query, cancellationToken).ConfigureAwait(false);
            foreach (var entry in result.Entries)
            {
                if (seen.Add(entry.Id))
                {
                    yield return entry;
                }
            }

            if (result.CurrentPage >= result.LastPage || result.Entries.Count == 0)
            {
                yield break;
            }

            page = result.CurrentPage + 1;
        }
    }

    public async Task<EntryUpsertResult> UpsertByReferenceAsync(long entityId, EntryCreateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        EntryRequestRules.CheckCreate(request, nameof(request));
        Guard.Required(request.ReferenceType, nameof(request), nameof(request.ReferenceType));
        Guard.Required(request.ReferenceId, nameof(request), nameof(request.ReferenceId));

        await CheckUpsertValuesAsync(entityId, request, cancellationToken).ConfigureAwait(false);

        var key = new ReferenceKey(entityId, request.ReferenceType!, request.ReferenceId!);
        using (await _upsertLocks.LockAsync(key, cancellationToken).ConfigureAwait(false))
        {
            var existingId = await FindByReferenceAsync(key, cancellationToken).ConfigureAwait(false);
            if (existingId is null)
            {
                var created = await CreateAsync(entityId, request, cancellationToken).ConfigureAwait(false);
                _createdByReference[key] = created.Id;
                return new EntryUpsertResult(created, Created: true);
            }

            var update = new EntryUpdateRequest
            {
                Title = request.Title,
                Values = request.Values,
                ReferenceType = request.ReferenceType,
                ReferenceId = request.ReferenceId,
                AssignedToUserId = request.AssignedToUserId,
                AssignedToTeamId = request.AssignedToTeamId,
                ValidateAgainstSchema = request.ValidateAgainstSchema,
            };
            var updated = await UpdateAsync(entityId, existingId, update, cancellationToken).ConfigureAwait(false);
            return new EntryUpsertResult(updated, Created: false);
        }
    }

    private async Task<string?> FindByReferenceAsync(ReferenceKey key, CancellationToken cancellationToken)
    {
        var page = await ListPageAsync(
            key.EntityId,
            new EntryListOptions { ReferenceType = key.Type, ReferenceId = key.Id, PerPage = 1 },
            cancellationToken).ConfigureAwait(false);
        if (page.Entries.Count > 0)
        {
            return page.Entries[0].Id;
        }

        // Not searchable yet, but this client created it: update that one rather than create a twin.
        return _createdByReference.TryGetValue(key, out var id) ? id : null;
    }

    private readonly record struct ReferenceKey(long EntityId, string Type, string Id);
}
