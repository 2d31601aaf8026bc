using System.Collections.Concurrent;

namespace ElasticFunnels.Crm;

internal sealed class EntitySchemasClient(IFieldsClient fields, TimeProvider timeProvider, TimeSpan cacheDuration) : IEntitySchemasClient
{
    private readonly ConcurrentDictionary<long, EntitySchema> _cache = new();

    // One load per entity at a time, so callers that miss the cache together send one GET.
    private readonly KeyedLock<long> _loads = new();

    // Bumped by Invalidate: a load that was in flight when the cache was invalidated may hold the old
    // fields, so its result is returned to its caller but not cached.
    private int _generation;

    public Task<EntitySchema> GetAsync(long entityId, CancellationToken cancellationToken = default) =>
        GetAsync(entityId, null, cancellationToken);

    public Task<EntitySchema> GetAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        return TryGetFresh(entityId, out var cached) ? Task.FromResult(cached) : GetOrLoadAsync(entityId, requestOptions, cancellationToken);
    }

    public Task<EntitySchema> RefreshAsync(long entityId, CancellationToken cancellationToken = default) =>
        RefreshAsync(entityId, null, cancellationToken);

    public async Task<EntitySchema> RefreshAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        using (await _loads.LockAsync(entityId, cancellationToken).ConfigureAwait(false))
        {
            return await LoadAsync(entityId, requestOptions, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<EntitySchema> GetOrLoadAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        using (await _loads.LockAsync(entityId, cancellationToken).ConfigureAwait(false))
        {
            return TryGetFresh(entityId, out var cached) ? cached : await LoadAsync(entityId, requestOptions, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Invalidate(long entityId)
    {
        Interlocked.Increment(ref _generation);
        _cache.TryRemove(entityId, out _);
    }

    public void InvalidateAll()
    {
        Interlocked.Increment(ref _generation);
        _cache.Clear();
    }

    private async Task<EntitySchema> LoadAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _generation);
        var list = await fields.ListAsync(entityId, requestOptions, cancellationToken).ConfigureAwait(false);
        var schema = new EntitySchema(entityId, list, timeProvider.GetUtcNow());
        if (Volatile.Read(ref _generation) == generation)
        {
            _cache[entityId] = schema;
        }

        return schema;
    }

    private bool TryGetFresh(long entityId, out EntitySchema schema)
    {
        if (!_cache.TryGetValue(entityId, out schema!))
        {
            return false;
        }

        if (cacheDuration == Timeout.InfiniteTimeSpan || timeProvider.GetUtcNow() - schema.LoadedAt < cacheDuration)
        {
            return true;
        }

        _cache.TryRemove(KeyValuePair.Create(entityId, schema));
        return false;
    }
}
