using ElasticFunnels.Crm.Http;

namespace ElasticFunnels.Crm;

internal sealed class EntitiesClient(IEntitiesApi api, CrmCallRunner runner) : IEntitiesClient
{
    public Task<IReadOnlyList<CrmEntity>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(null, cancellationToken);

    public Task<IReadOnlyList<CrmEntity>> ListAsync(CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareList(requestOptions), cancellationToken);

    public Task<CrmResponse<IReadOnlyList<CrmEntity>>> ListWithResponseAsync(CancellationToken cancellationToken = default) =>
        ListWithResponseAsync(null, cancellationToken);

    public Task<CrmResponse<IReadOnlyList<CrmEntity>>> ListWithResponseAsync(CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareList(requestOptions), cancellationToken);

    private PreparedCall<IReadOnlyList<CrmEntity>> PrepareList(CrmRequestOptions? requestOptions)
    {
        return runner.Prepare("Entities.List", requestOptions, ResponseBody.List<CrmEntity>(), (call, ct) => api.List(runner.BrandId, call, ct));
    }

    public Task<CrmEntity> GetAsync(long entityId, CancellationToken cancellationToken = default) =>
        GetAsync(entityId, null, cancellationToken);

    public Task<CrmEntity> GetAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareGet(entityId, requestOptions), cancellationToken);

    public Task<CrmResponse<CrmEntity>> GetWithResponseAsync(long entityId, CancellationToken cancellationToken = default) =>
        GetWithResponseAsync(entityId, null, cancellationToken);

    public Task<CrmResponse<CrmEntity>> GetWithResponseAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareGet(entityId, requestOptions), cancellationToken);

    private PreparedCall<CrmEntity> PrepareGet(long entityId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(entityId, nameof(entityId));

        return runner.Prepare("Entities.Get", requestOptions, ResponseBody.Object<CrmEntity>(), (call, ct) => api.Get(runner.BrandId, entityId, call, ct));
    }

    public Task<CrmEntity> CreateAsync(EntityCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(request, null, cancellationToken);

    public Task<CrmEntity> CreateAsync(EntityCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareCreate(request, requestOptions), cancellationToken);

    public Task<CrmResponse<CrmEntity>> CreateWithResponseAsync(EntityCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateWithResponseAsync(request, null, cancellationToken);

    public Task<CrmResponse<CrmEntity>> CreateWithResponseAsync(EntityCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareCreate(request, requestOptions), cancellationToken);

    private PreparedCall<CrmEntity> PrepareCreate(EntityCreateRequest request, CrmRequestOptions? requestOptions)
    {
        ArgumentNullException.ThrowIfNull(request);
        Guard.Required(request.Name, nameof(request), nameof(request.Name));
        Guard.Required(request.Slug, nameof(request), nameof(request.Slug));
        SlugRule.Check(request.Slug!, nameof(request));
        LengthRule.Check(request.Icon, 64, nameof(request), nameof(request.Icon));
        LengthRule.Check(request.Color, 64, nameof(request), nameof(request.Color));

        return runner.Prepare("Entities.Create", requestOptions, ResponseBody.Object<CrmEntity>(), (call, ct) => api.Create(runner.BrandId, request, call, ct));
    }

    public Task<CrmEntity> UpdateAsync(long entityId, EntityUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(entityId, request, null, cancellationToken);

    public Task<CrmEntity> UpdateAsync(long entityId, EntityUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareUpdate(entityId, request, requestOptions), cancellationToken);

    public Task<CrmResponse<CrmEntity>> UpdateWithResponseAsync(long entityId, EntityUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateWithResponseAsync(entityId, request, null, cancellationToken);

    public Task<CrmResponse<CrmEntity>> UpdateWithResponseAsync(long entityId, EntityUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareUpdate(entityId, request, requestOptions), cancellationToken);

    private PreparedCall<CrmEntity> PrepareUpdate(long entityId, EntityUpdateRequest request, CrmRequestOptions? requestOptions)
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

        return runner.Prepare("Entities.Update", requestOptions, ResponseBody.Object<CrmEntity>(), (call, ct) => api.Update(runner.BrandId, entityId, request, call, ct));
    }

    public Task DeleteAsync(long entityId, CancellationToken cancellationToken = default) =>
        DeleteAsync(entityId, null, cancellationToken);

    public Task DeleteAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendAsync(PrepareDelete(entityId, requestOptions), cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(long entityId, CancellationToken cancellationToken = default) =>
        DeleteWithResponseAsync(entityId, null, cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendWithResponseAsync(PrepareDelete(entityId, requestOptions), cancellationToken);

    private PreparedCall<bool> PrepareDelete(long entityId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(entityId, nameof(entityId));

        return runner.Prepare("Entities.Delete", requestOptions, ResponseBody.None, (call, ct) => api.Delete(runner.BrandId, entityId, call, ct));
    }
}
