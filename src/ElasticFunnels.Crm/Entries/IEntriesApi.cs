using ElasticFunnels.Crm.Http;
using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The entry routes, each entry route in both of its documented forms.</summary>
internal interface IEntriesApi
{
    [Get("/brands/{brand}/crm/entities/{entity}/entries")]
    Task<HttpResponseMessage> List(
        long brand,
        long entity,
        [AliasAs("page")] int? page,
        [AliasAs("per_page")] int? perPage,
        [AliasAs("pipeline_id")] long? pipelineId,
        [AliasAs("stage_id")] long? stageId,
        [AliasAs("reference_type")] string? referenceType,
        [AliasAs("reference_id")] string? referenceId,
        [AliasAs("q")] string? query,
        [AliasAs("include_customer")] string? includeCustomer,
        [Property(CrmCall.OptionName)] CrmCall call,
        CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/entries/{entry}")]
    Task<HttpResponseMessage> Get(long brand, string entry, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/entities/{entity}/entries/{entry}")]
    Task<HttpResponseMessage> GetInEntity(long brand, long entity, string entry, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/entities/{entity}/entries")]
    Task<HttpResponseMessage> Create(long brand, long entity, [Body] EntryCreateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/entries/{entry}")]
    Task<HttpResponseMessage> Update(long brand, string entry, [Body] EntryUpdateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/entities/{entity}/entries/{entry}")]
    Task<HttpResponseMessage> UpdateInEntity(long brand, long entity, string entry, [Body] EntryUpdateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/entries/{entry}/stage")]
    Task<HttpResponseMessage> MoveStage(long brand, string entry, [Body] EntryStageRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/entities/{entity}/entries/{entry}/stage")]
    Task<HttpResponseMessage> MoveStageInEntity(long brand, long entity, string entry, [Body] EntryStageRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/entries/{entry}")]
    Task<HttpResponseMessage> Delete(long brand, string entry, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/entities/{entity}/entries/{entry}")]
    Task<HttpResponseMessage> DeleteInEntity(long brand, long entity, string entry, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);
}
