using ElasticFunnels.Crm.Internal;

namespace ElasticFunnels.Crm;

internal sealed class EntityPresetsClient(IEntityPresetsApi api, ApiInvoker invoker, long brandId) : IEntityPresetsClient
{
    public Task<IReadOnlyList<EntityPreset>> ListAsync(CancellationToken cancellationToken = default) =>
        invoker.ListAsync<EntityPreset>(ct => api.List(brandId, ct), cancellationToken);
}
