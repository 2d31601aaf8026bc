using ElasticFunnels.Crm.Internal;

namespace ElasticFunnels.Crm;

internal sealed partial class EntriesClient(IEntriesApi api, ApiInvoker invoker, long brandId) : IEntriesClient
{
    public Task<EntryPage> ListPageAsync(long entityId, EntryListOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        var query = options?.Clone() ?? new EntryListOptions();
        query.Validate(nameof(options));
        return invoker.GetPlainAsync<EntryPage>(
            ct => api.List(
                brandId,
                entityId,
                query.Page,
                query.PerPage,
                query.PipelineId,
                query.StageId,
                query.ReferenceType,
                query.ReferenceId,
                query.Search,
                query.IncludeCustomer is { } include ? (include ? "true" : "false") : null,
                ct),
            cancellationToken);
    }

    public Task<Entry> GetAsync(string entryId, CancellationToken cancellationToken = default)
    {
        Guard.EntryId(entryId, nameof(entryId));
        return invoker.GetAsync<Entry>(ct => api.Get(brandId, entryId, ct), cancellationToken);
    }

    public Task<Entry> GetAsync(long entityId, string entryId, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        Guard.EntryId(entryId, nameof(entryId));
        return invoker.GetAsync<Entry>(ct => api.GetInEntity(brandId, entityId, entryId, ct), cancellationToken);
    }

    public Task<Entry> CreateAsync(long entityId, EntryCreateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        EntryRequestRules.CheckCreate(request, nameof(request));
        return CheckValuesThenSend(
            entityId,
            request.Values,
            request.ValidateAgainstSchema,
            creating: true,
            nameof(request),
            ct => invoker.GetAsync<Entry>(ct2 => api.Create(brandId, entityId, request, ct2), ct),
            cancellationToken);
    }

    public Task<Entry> UpdateAsync(string entryId, EntryUpdateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.EntryId(entryId, nameof(entryId));
        EntryRequestRules.CheckUpdate(request, nameof(request));
        return CheckValuesThenSend(
            entityId: null,
            request.Values,
            request.ValidateAgainstSchema,
            creating: false,
            nameof(request),
            ct => invoker.GetAsync<Entry>(ct2 => api.Update(brandId, entryId, request, ct2), ct),
            cancellationToken);
    }

    public Task<Entry> UpdateAsync(long entityId, string entryId, EntryUpdateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        Guard.EntryId(entryId, nameof(entryId));
        EntryRequestRules.CheckUpdate(request, nameof(request));
        return CheckValuesThenSend(
            entityId,
            request.Values,
            request.ValidateAgainstSchema,
            creating: false,
            nameof(request),
            ct => invoker.GetAsync<Entry>(ct2 => api.UpdateInEntity(brandId, entityId, entryId, request, ct2), ct),
            cancellationToken);
    }

    public Task<Entry> MoveToStageAsync(string entryId, long stageId, CancellationToken cancellationToken = default)
    {
        Guard.EntryId(entryId, nameof(entryId));
        Guard.Id(stageId, nameof(stageId));
        var body = new EntryStageRequest(stageId);
        return invoker.GetAsync<Entry>(ct => api.MoveStage(brandId, entryId, body, ct), cancellationToken);
    }

    public Task<Entry> MoveToStageAsync(long entityId, string entryId, long stageId, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        Guard.EntryId(entryId, nameof(entryId));
        Guard.Id(stageId, nameof(stageId));
        var body = new EntryStageRequest(stageId);
        return invoker.GetAsync<Entry>(ct => api.MoveStageInEntity(brandId, entityId, entryId, body, ct), cancellationToken);
    }

    public Task DeleteAsync(string entryId, CancellationToken cancellationToken = default)
    {
        Guard.EntryId(entryId, nameof(entryId));
        return invoker.SendAsync(ct => api.Delete(brandId, entryId, ct), cancellationToken);
    }

    public Task DeleteAsync(long entityId, string entryId, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        Guard.EntryId(entryId, nameof(entryId));
        return invoker.SendAsync(ct => api.DeleteInEntity(brandId, entityId, entryId, ct), cancellationToken);
    }
}
