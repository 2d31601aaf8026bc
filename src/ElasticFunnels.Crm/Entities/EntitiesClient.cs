using ElasticFunnels.Crm.Internal;

namespace ElasticFunnels.Crm;

internal sealed class EntitiesClient(IEntitiesApi api, ApiInvoker invoker, long brandId) : IEntitiesClient
{
    public Task<IReadOnlyList<CrmEntity>> ListAsync(CancellationToken cancellationToken = default) =>
        invoker.ListAsync<CrmEntity>(ct => api.List(brandId, ct), cancellationToken);

    public Task<CrmEntity> GetAsync(long entityId, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        return invoker.GetAsync<CrmEntity>(ct => api.Get(brandId, entityId, ct), cancellationToken);
    }

    public Task<CrmEntity> CreateAsync(EntityCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Guard.Required(request.Name, nameof(request), nameof(request.Name));
        Guard.Required(request.Slug, nameof(request), nameof(request.Slug));
        SlugRule.Check(request.Slug!, nameof(request));
        LengthRule.Check(request.Icon, 64, nameof(request), nameof(request.Icon));
        LengthRule.Check(request.Color, 64, nameof(request), nameof(request.Color));
        return invoker.GetAsync<CrmEntity>(ct => api.Create(brandId, request, ct), cancellationToken);
    }

    public Task<CrmEntity> UpdateAsync(long entityId, EntityUpdateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.NotBlankWhenSet(request.Name, nameof(request), nameof(request.Name));
        if (request.Slug is not null)
        {
            SlugRule.Check(request.Slug, nameof(request));
        }

        LengthRule.Check(request.Icon, 64, nameof(request), nameof(request.Icon));
        LengthRule.Check(request.Color, 64, nameof(request), nameof(request.Color));
        return invoker.GetAsync<CrmEntity>(ct => api.Update(brandId, entityId, request, ct), cancellationToken);
    }

    public Task DeleteAsync(long entityId, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        return invoker.SendAsync(ct => api.Delete(brandId, entityId, ct), cancellationToken);
    }
}
