using ElasticFunnels.Crm.Http;

namespace ElasticFunnels.Crm;

internal sealed partial class EntriesClient(IEntriesApi api, CrmCallRunner runner, IFieldsClient fields, IEntitySchemasClient schemas) : IEntriesClient
{
    public Task<Entry> GetAsync(string entryId, CancellationToken cancellationToken = default) =>
        GetAsync(entryId, null, cancellationToken);

    public Task<Entry> GetAsync(string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareGet(null, entryId, requestOptions), cancellationToken);

    public Task<CrmResponse<Entry>> GetWithResponseAsync(string entryId, CancellationToken cancellationToken = default) =>
        GetWithResponseAsync(entryId, null, cancellationToken);

    public Task<CrmResponse<Entry>> GetWithResponseAsync(string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareGet(null, entryId, requestOptions), cancellationToken);

    public Task<Entry> GetAsync(long entityId, string entryId, CancellationToken cancellationToken = default) =>
        GetAsync(entityId, entryId, null, cancellationToken);

    public Task<Entry> GetAsync(long entityId, string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareGet(entityId, entryId, requestOptions), cancellationToken);

    public Task<CrmResponse<Entry>> GetWithResponseAsync(long entityId, string entryId, CancellationToken cancellationToken = default) =>
        GetWithResponseAsync(entityId, entryId, null, cancellationToken);

    public Task<CrmResponse<Entry>> GetWithResponseAsync(long entityId, string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareGet(entityId, entryId, requestOptions), cancellationToken);

    public Task<Entry> CreateAsync(long entityId, EntryCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(entityId, request, null, cancellationToken);

    public Task<Entry> CreateAsync(long entityId, EntryCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var prepared = PrepareCreate(entityId, request, requestOptions);
        return WithSchemaCheck(entityId, request.Values, creating: true, requestOptions, () => runner.ValueAsync(prepared, cancellationToken), cancellationToken);
    }

    public Task<CrmResponse<Entry>> CreateWithResponseAsync(long entityId, EntryCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateWithResponseAsync(entityId, request, null, cancellationToken);

    public Task<CrmResponse<Entry>> CreateWithResponseAsync(long entityId, EntryCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var prepared = PrepareCreate(entityId, request, requestOptions);
        return WithSchemaCheck(entityId, request.Values, creating: true, requestOptions, () => runner.ResponseAsync(prepared, cancellationToken), cancellationToken);
    }

    public Task<Entry> UpdateAsync(string entryId, EntryUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(entryId, request, null, cancellationToken);

    public Task<Entry> UpdateAsync(string entryId, EntryUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var prepared = PrepareUpdate(null, entryId, request, requestOptions);
        return WithSchemaCheck(null, request.Values, creating: false, requestOptions, () => runner.ValueAsync(prepared, cancellationToken), cancellationToken);
    }

    public Task<CrmResponse<Entry>> UpdateWithResponseAsync(string entryId, EntryUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateWithResponseAsync(entryId, request, null, cancellationToken);

    public Task<CrmResponse<Entry>> UpdateWithResponseAsync(string entryId, EntryUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var prepared = PrepareUpdate(null, entryId, request, requestOptions);
        return WithSchemaCheck(null, request.Values, creating: false, requestOptions, () => runner.ResponseAsync(prepared, cancellationToken), cancellationToken);
    }

    public Task<Entry> UpdateAsync(long entityId, string entryId, EntryUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(entityId, entryId, request, null, cancellationToken);

    public Task<Entry> UpdateAsync(long entityId, string entryId, EntryUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var prepared = PrepareUpdate(entityId, entryId, request, requestOptions);
        return WithSchemaCheck(entityId, request.Values, creating: false, requestOptions, () => runner.ValueAsync(prepared, cancellationToken), cancellationToken);
    }

    public Task<CrmResponse<Entry>> UpdateWithResponseAsync(long entityId, string entryId, EntryUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateWithResponseAsync(entityId, entryId, request, null, cancellationToken);

    public Task<CrmResponse<Entry>> UpdateWithResponseAsync(long entityId, string entryId, EntryUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var prepared = PrepareUpdate(entityId, entryId, request, requestOptions);
        return WithSchemaCheck(entityId, request.Values, creating: false, requestOptions, () => runner.ResponseAsync(prepared, cancellationToken), cancellationToken);
    }

    public Task<Entry> MoveToStageAsync(string entryId, long stageId, CancellationToken cancellationToken = default) =>
        MoveToStageAsync(entryId, stageId, null, cancellationToken);

    public Task<Entry> MoveToStageAsync(string entryId, long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareMove(null, entryId, stageId, requestOptions), cancellationToken);

    public Task<CrmResponse<Entry>> MoveToStageWithResponseAsync(string entryId, long stageId, CancellationToken cancellationToken = default) =>
        MoveToStageWithResponseAsync(entryId, stageId, null, cancellationToken);

    public Task<CrmResponse<Entry>> MoveToStageWithResponseAsync(string entryId, long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareMove(null, entryId, stageId, requestOptions), cancellationToken);

    public Task<Entry> MoveToStageAsync(long entityId, string entryId, long stageId, CancellationToken cancellationToken = default) =>
        MoveToStageAsync(entityId, entryId, stageId, null, cancellationToken);

    public Task<Entry> MoveToStageAsync(long entityId, string entryId, long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareMove(entityId, entryId, stageId, requestOptions), cancellationToken);

    public Task<CrmResponse<Entry>> MoveToStageWithResponseAsync(long entityId, string entryId, long stageId, CancellationToken cancellationToken = default) =>
        MoveToStageWithResponseAsync(entityId, entryId, stageId, null, cancellationToken);

    public Task<CrmResponse<Entry>> MoveToStageWithResponseAsync(long entityId, string entryId, long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareMove(entityId, entryId, stageId, requestOptions), cancellationToken);

    public Task DeleteAsync(string entryId, CancellationToken cancellationToken = default) =>
        DeleteAsync(entryId, null, cancellationToken);

    public Task DeleteAsync(string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendAsync(PrepareDelete(null, entryId, requestOptions), cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(string entryId, CancellationToken cancellationToken = default) =>
        DeleteWithResponseAsync(entryId, null, cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendWithResponseAsync(PrepareDelete(null, entryId, requestOptions), cancellationToken);

    public Task DeleteAsync(long entityId, string entryId, CancellationToken cancellationToken = default) =>
        DeleteAsync(entityId, entryId, null, cancellationToken);

    public Task DeleteAsync(long entityId, string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendAsync(PrepareDelete(entityId, entryId, requestOptions), cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(long entityId, string entryId, CancellationToken cancellationToken = default) =>
        DeleteWithResponseAsync(entityId, entryId, null, cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(long entityId, string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendWithResponseAsync(PrepareDelete(entityId, entryId, requestOptions), cancellationToken);

    // Each Prepare checks the arguments and names the operation; the entity id is null for the short route.
    private PreparedCall<Entry> PrepareGet(long? entityId, string entryId, CrmRequestOptions? requestOptions)
    {
        CheckIds(entityId, entryId);
        return entityId is { } entity
            ? runner.Prepare("Entries.Get", requestOptions, ResponseBody.Object<Entry>(), (call, ct) => api.GetInEntity(runner.BrandId, entity, entryId, call, ct))
            : runner.Prepare("Entries.Get", requestOptions, ResponseBody.Object<Entry>(), (call, ct) => api.Get(runner.BrandId, entryId, call, ct));
    }

    private PreparedCall<Entry> PrepareCreate(long entityId, EntryCreateRequest request, CrmRequestOptions? requestOptions)
    {
        Guard.Id(entityId, nameof(entityId));
        EntryRequestRules.CheckCreate(request, nameof(request));
        return runner.Prepare("Entries.Create", requestOptions, ResponseBody.Object<Entry>(), (call, ct) => api.Create(runner.BrandId, entityId, request, call, ct));
    }

    private PreparedCall<Entry> PrepareUpdate(long? entityId, string entryId, EntryUpdateRequest request, CrmRequestOptions? requestOptions)
    {
        CheckIds(entityId, entryId);
        EntryRequestRules.CheckUpdate(request, nameof(request));
        return entityId is { } entity
            ? runner.Prepare("Entries.Update", requestOptions, ResponseBody.Object<Entry>(), (call, ct) => api.UpdateInEntity(runner.BrandId, entity, entryId, request, call, ct))
            : runner.Prepare("Entries.Update", requestOptions, ResponseBody.Object<Entry>(), (call, ct) => api.Update(runner.BrandId, entryId, request, call, ct));
    }

    private PreparedCall<Entry> PrepareMove(long? entityId, string entryId, long stageId, CrmRequestOptions? requestOptions)
    {
        CheckIds(entityId, entryId);
        Guard.Id(stageId, nameof(stageId));
        var body = new EntryStageRequest(stageId);
        return entityId is { } entity
            ? runner.Prepare("Entries.MoveToStage", requestOptions, ResponseBody.Object<Entry>(), (call, ct) => api.MoveStageInEntity(runner.BrandId, entity, entryId, body, call, ct))
            : runner.Prepare("Entries.MoveToStage", requestOptions, ResponseBody.Object<Entry>(), (call, ct) => api.MoveStage(runner.BrandId, entryId, body, call, ct));
    }

    private PreparedCall<bool> PrepareDelete(long? entityId, string entryId, CrmRequestOptions? requestOptions)
    {
        CheckIds(entityId, entryId);
        return entityId is { } entity
            ? runner.Prepare("Entries.Delete", requestOptions, ResponseBody.None, (call, ct) => api.DeleteInEntity(runner.BrandId, entity, entryId, call, ct))
            : runner.Prepare("Entries.Delete", requestOptions, ResponseBody.None, (call, ct) => api.Delete(runner.BrandId, entryId, call, ct));
    }

    private static void CheckIds(long? entityId, string entryId)
    {
        if (entityId is { } entity)
        {
            Guard.Id(entity, nameof(entityId));
        }

        Guard.EntryId(entryId, nameof(entryId));
    }
}
