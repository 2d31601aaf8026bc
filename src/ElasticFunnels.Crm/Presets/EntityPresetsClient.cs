using ElasticFunnels.Crm.Http;

namespace ElasticFunnels.Crm;

internal sealed class EntityPresetsClient(IEntityPresetsApi api, CrmCallRunner runner) : IEntityPresetsClient
{
    public Task<IReadOnlyList<EntityPreset>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(null, cancellationToken);

    public Task<IReadOnlyList<EntityPreset>> ListAsync(CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareList(requestOptions), cancellationToken);

    public Task<CrmResponse<IReadOnlyList<EntityPreset>>> ListWithResponseAsync(CancellationToken cancellationToken = default) =>
        ListWithResponseAsync(null, cancellationToken);

    public Task<CrmResponse<IReadOnlyList<EntityPreset>>> ListWithResponseAsync(CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareList(requestOptions), cancellationToken);

    private PreparedCall<IReadOnlyList<EntityPreset>> PrepareList(CrmRequestOptions? requestOptions)
    {
        return runner.Prepare("Presets.List", requestOptions, ResponseBody.List<EntityPreset>(), (call, ct) => api.List(runner.BrandId, call, ct));
    }
}
