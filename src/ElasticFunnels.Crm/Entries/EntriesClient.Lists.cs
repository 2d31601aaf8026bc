using ElasticFunnels.Crm.Internal;

namespace ElasticFunnels.Crm;

internal sealed partial class EntriesClient
{
    public CrmAsyncPageable<Entry> ListAsync(long entityId, EntryListOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        var query = options?.Clone() ?? new EntryListOptions();
        query.Validate(nameof(options));
        return new EntryPageable((request, ct) => ListPageAsync(entityId, request, ct), entityId, query, cancellationToken);
    }
}
