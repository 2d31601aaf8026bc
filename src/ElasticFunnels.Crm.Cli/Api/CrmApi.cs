namespace ElasticFunnels.Crm.Cli.Api;

/// <summary>
/// Every SDK call the tool makes, and nothing else: when the SDK's public API changes (renamed methods,
/// per-call options), this is the one file to change. The tool has no HTTP code of its own.
/// </summary>
internal sealed class CrmApi(IElasticFunnelsCrmClient crm)
{
    // Presets
    public Task<IReadOnlyList<EntityPreset>> ListPresetsAsync(CancellationToken ct) => crm.Presets.ListAsync(ct);

    // Entities
    public Task<IReadOnlyList<CrmEntity>> ListEntitiesAsync(CancellationToken ct) => crm.Entities.ListAsync(ct);

    public Task<CrmEntity> GetEntityAsync(long entityId, CancellationToken ct) => crm.Entities.GetAsync(entityId, ct);

    public Task<CrmEntity> CreateEntityAsync(EntityCreateRequest request, CancellationToken ct) => crm.Entities.CreateAsync(request, ct);

    public Task<CrmEntity> UpdateEntityAsync(long entityId, EntityUpdateRequest request, CancellationToken ct) => crm.Entities.UpdateAsync(entityId, request, ct);

    public Task DeleteEntityAsync(long entityId, CancellationToken ct) => crm.Entities.DeleteAsync(entityId, ct);

    // Pipelines
    public Task<IReadOnlyList<Pipeline>> ListPipelinesAsync(long entityId, CancellationToken ct) => crm.Pipelines.ListAsync(entityId, ct);

    public Task<Pipeline> GetPipelineAsync(long pipelineId, CancellationToken ct) => crm.Pipelines.GetAsync(pipelineId, ct);

    public Task<Pipeline> CreatePipelineAsync(long entityId, PipelineCreateRequest request, CancellationToken ct) => crm.Pipelines.CreateAsync(entityId, request, ct);

    public Task<Pipeline> UpdatePipelineAsync(long pipelineId, PipelineUpdateRequest request, CancellationToken ct) => crm.Pipelines.UpdateAsync(pipelineId, request, ct);

    public Task DeletePipelineAsync(long pipelineId, CancellationToken ct) => crm.Pipelines.DeleteAsync(pipelineId, ct);

    // Stages
    public Task<IReadOnlyList<Stage>> ListStagesAsync(long pipelineId, CancellationToken ct) => crm.Stages.ListAsync(pipelineId, ct);

    public Task<Stage> GetStageAsync(long stageId, CancellationToken ct) => crm.Stages.GetAsync(stageId, ct);

    public Task<Stage> CreateStageAsync(long pipelineId, StageCreateRequest request, CancellationToken ct) => crm.Stages.CreateAsync(pipelineId, request, ct);

    public Task<Stage> UpdateStageAsync(long stageId, StageUpdateRequest request, CancellationToken ct) => crm.Stages.UpdateAsync(stageId, request, ct);

    public Task ReorderStagesAsync(IEnumerable<StagePosition> positions, CancellationToken ct) => crm.Stages.ReorderAsync(positions, ct);

    public Task DeleteStageAsync(long stageId, CancellationToken ct) => crm.Stages.DeleteAsync(stageId, ct);

    // Fields and schemas
    public Task<IReadOnlyList<CustomField>> ListFieldsAsync(long entityId, CancellationToken ct) => crm.Fields.ListAsync(entityId, ct);

    public Task<CustomField> GetFieldAsync(long fieldId, CancellationToken ct) => crm.Fields.GetAsync(fieldId, ct);

    public Task<CustomField> CreateFieldAsync(long entityId, FieldCreateRequest request, CancellationToken ct) => crm.Fields.CreateAsync(entityId, request, ct);

    public Task<CustomField> UpdateFieldAsync(long fieldId, FieldUpdateRequest request, CancellationToken ct) => crm.Fields.UpdateAsync(fieldId, request, ct);

    public Task DeleteFieldAsync(long fieldId, CancellationToken ct) => crm.Fields.DeleteAsync(fieldId, ct);

    public Task<EntitySchema> GetSchemaAsync(long entityId, CancellationToken ct) => crm.Schemas.GetAsync(entityId, ct);

    // Entries
    public async Task<EntryListPage> ListEntriesAsync(long entityId, EntryListOptions options, CancellationToken ct)
    {
        var page = await crm.Entries.ListAsync(entityId, options, ct);
        return new EntryListPage(page.Values, page.PageNumber, page.LastPage, page.PerPage, page.Total, page.HasMore);
    }

    public IAsyncEnumerable<Entry> ListEntriesAutoPagingAsync(long entityId, EntryListOptions options, CancellationToken ct) => crm.Entries.ListAutoPagingAsync(entityId, options, ct);

    public Task<Entry> GetEntryAsync(long? entityId, string entryId, CancellationToken ct) =>
        entityId is { } entity ? crm.Entries.GetAsync(entity, entryId, ct) : crm.Entries.GetAsync(entryId, ct);

    public Task<Entry> CreateEntryAsync(long entityId, EntryCreateRequest request, CancellationToken ct) => crm.Entries.CreateAsync(entityId, request, ct);

    public Task<Entry> UpdateEntryAsync(long entityId, string entryId, EntryUpdateRequest request, CancellationToken ct) => crm.Entries.UpdateAsync(entityId, entryId, request, ct);

    public Task<Entry> MoveEntryAsync(long? entityId, string entryId, long stageId, CancellationToken ct) =>
        entityId is { } entity ? crm.Entries.MoveToStageAsync(entity, entryId, stageId, ct) : crm.Entries.MoveToStageAsync(entryId, stageId, ct);

    public Task DeleteEntryAsync(long? entityId, string entryId, CancellationToken ct) =>
        entityId is { } entity ? crm.Entries.DeleteAsync(entity, entryId, ct) : crm.Entries.DeleteAsync(entryId, ct);

    // Bulk, export
    public Task<BulkResult<Entry>> CreateManyAsync(long entityId, IEnumerable<EntryCreateRequest> requests, BulkOptions options, CancellationToken ct) =>
        crm.Entries.CreateManyAsync(entityId, requests, options, ct);

    public Task<BulkResult<EntryUpsertResult>> UpsertManyByReferenceAsync(long entityId, IEnumerable<EntryCreateRequest> requests, BulkOptions options, CancellationToken ct) =>
        crm.Entries.UpsertManyByReferenceAsync(entityId, requests, options, ct);

    public Task<long> ExportCsvAsync(long entityId, TextWriter writer, EntryExportOptions options, CancellationToken ct) =>
        crm.Entries.ExportCsvAsync(entityId, writer, options, ct);

    public Task<long> ExportJsonLinesAsync(long entityId, TextWriter writer, EntryExportOptions options, CancellationToken ct) =>
        crm.Entries.ExportJsonLinesAsync(entityId, writer, options, ct);
}
