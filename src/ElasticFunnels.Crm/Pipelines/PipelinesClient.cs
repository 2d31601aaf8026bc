using ElasticFunnels.Crm.Http;

namespace ElasticFunnels.Crm;

internal sealed class PipelinesClient(IPipelinesApi api, CrmCallRunner runner) : IPipelinesClient
{
    public Task<IReadOnlyList<Pipeline>> ListAsync(long entityId, CancellationToken cancellationToken = default) =>
        ListAsync(entityId, null, cancellationToken);

    public Task<IReadOnlyList<Pipeline>> ListAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareList(entityId, requestOptions), cancellationToken);

    public Task<CrmResponse<IReadOnlyList<Pipeline>>> ListWithResponseAsync(long entityId, CancellationToken cancellationToken = default) =>
        ListWithResponseAsync(entityId, null, cancellationToken);

    public Task<CrmResponse<IReadOnlyList<Pipeline>>> ListWithResponseAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareList(entityId, requestOptions), cancellationToken);

    private PreparedCall<IReadOnlyList<Pipeline>> PrepareList(long entityId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(entityId, nameof(entityId));

        return runner.Prepare("Pipelines.List", requestOptions, ResponseBody.List<Pipeline>(), (call, ct) => api.List(runner.BrandId, entityId, call, ct));
    }

    public Task<Pipeline> GetAsync(long pipelineId, CancellationToken cancellationToken = default) =>
        GetAsync(pipelineId, null, cancellationToken);

    public Task<Pipeline> GetAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareGet(pipelineId, requestOptions), cancellationToken);

    public Task<CrmResponse<Pipeline>> GetWithResponseAsync(long pipelineId, CancellationToken cancellationToken = default) =>
        GetWithResponseAsync(pipelineId, null, cancellationToken);

    public Task<CrmResponse<Pipeline>> GetWithResponseAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareGet(pipelineId, requestOptions), cancellationToken);

    private PreparedCall<Pipeline> PrepareGet(long pipelineId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(pipelineId, nameof(pipelineId));

        return runner.Prepare("Pipelines.Get", requestOptions, ResponseBody.Object<Pipeline>(), (call, ct) => api.Get(runner.BrandId, pipelineId, call, ct));
    }

    public Task<Pipeline> CreateAsync(long entityId, PipelineCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(entityId, request, null, cancellationToken);

    public Task<Pipeline> CreateAsync(long entityId, PipelineCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareCreate(entityId, request, requestOptions), cancellationToken);

    public Task<CrmResponse<Pipeline>> CreateWithResponseAsync(long entityId, PipelineCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateWithResponseAsync(entityId, request, null, cancellationToken);

    public Task<CrmResponse<Pipeline>> CreateWithResponseAsync(long entityId, PipelineCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareCreate(entityId, request, requestOptions), cancellationToken);

    private PreparedCall<Pipeline> PrepareCreate(long entityId, PipelineCreateRequest request, CrmRequestOptions? requestOptions)
    {
        Guard.Id(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.Required(request.Name, nameof(request), nameof(request.Name));

        return runner.Prepare("Pipelines.Create", requestOptions, ResponseBody.Object<Pipeline>(), (call, ct) => api.Create(runner.BrandId, entityId, request, call, ct));
    }

    public Task<Pipeline> UpdateAsync(long pipelineId, PipelineUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(pipelineId, request, null, cancellationToken);

    public Task<Pipeline> UpdateAsync(long pipelineId, PipelineUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareUpdate(pipelineId, request, requestOptions), cancellationToken);

    public Task<CrmResponse<Pipeline>> UpdateWithResponseAsync(long pipelineId, PipelineUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateWithResponseAsync(pipelineId, request, null, cancellationToken);

    public Task<CrmResponse<Pipeline>> UpdateWithResponseAsync(long pipelineId, PipelineUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareUpdate(pipelineId, request, requestOptions), cancellationToken);

    private PreparedCall<Pipeline> PrepareUpdate(long pipelineId, PipelineUpdateRequest request, CrmRequestOptions? requestOptions)
    {
        Guard.Id(pipelineId, nameof(pipelineId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.NotBlankWhenSet(request.Name, nameof(request), nameof(request.Name));

        return runner.Prepare("Pipelines.Update", requestOptions, ResponseBody.Object<Pipeline>(), (call, ct) => api.Update(runner.BrandId, pipelineId, request, call, ct));
    }

    public Task DeleteAsync(long pipelineId, CancellationToken cancellationToken = default) =>
        DeleteAsync(pipelineId, null, cancellationToken);

    public Task DeleteAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendAsync(PrepareDelete(pipelineId, requestOptions), cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(long pipelineId, CancellationToken cancellationToken = default) =>
        DeleteWithResponseAsync(pipelineId, null, cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendWithResponseAsync(PrepareDelete(pipelineId, requestOptions), cancellationToken);

    private PreparedCall<bool> PrepareDelete(long pipelineId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(pipelineId, nameof(pipelineId));

        return runner.Prepare("Pipelines.Delete", requestOptions, ResponseBody.None, (call, ct) => api.Delete(runner.BrandId, pipelineId, call, ct));
    }
}
