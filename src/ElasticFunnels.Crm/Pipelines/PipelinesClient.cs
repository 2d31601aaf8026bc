using ElasticFunnels.Crm.Internal;

namespace ElasticFunnels.Crm;

internal sealed class PipelinesClient(IPipelinesApi api, ApiInvoker invoker, long brandId) : IPipelinesClient
{
    public Task<IReadOnlyList<Pipeline>> ListAsync(long entityId, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        return invoker.ListAsync<Pipeline>(ct => api.List(brandId, entityId, ct), cancellationToken);
    }

    public Task<Pipeline> GetAsync(long pipelineId, CancellationToken cancellationToken = default)
    {
        Guard.Id(pipelineId, nameof(pipelineId));
        return invoker.GetAsync<Pipeline>(ct => api.Get(brandId, pipelineId, ct), cancellationToken);
    }

    public Task<Pipeline> CreateAsync(long entityId, PipelineCreateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.Required(request.Name, nameof(request), nameof(request.Name));
        return invoker.GetAsync<Pipeline>(ct => api.Create(brandId, entityId, request, ct), cancellationToken);
    }

    public Task<Pipeline> UpdateAsync(long pipelineId, PipelineUpdateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(pipelineId, nameof(pipelineId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.NotBlankWhenSet(request.Name, nameof(request), nameof(request.Name));
        return invoker.GetAsync<Pipeline>(ct => api.Update(brandId, pipelineId, request, ct), cancellationToken);
    }

    public Task DeleteAsync(long pipelineId, CancellationToken cancellationToken = default)
    {
        Guard.Id(pipelineId, nameof(pipelineId));
        return invoker.SendAsync(ct => api.Delete(brandId, pipelineId, ct), cancellationToken);
    }
}
