using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The entry routes, each entry route in both of its documented forms.</summary>
internal interface IEntriesApi
{
    [Get("/brands/{brand}/crm/entities/{entity}/entries")]
    Task<HttpContent> List(
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
        CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/entries/{entry}")]
    Task<HttpContent> Get(long brand, string entry, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/entities/{entity}/entries/{entry}")]
    Task<HttpContent> GetInEntity(long brand, long entity, string entry, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/entities/{entity}/entries")]
    Task<HttpContent> Create(long brand, long entity, [Body] EntryCreateRequest body, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/entries/{entry}")]
    Task<HttpContent> Update(long brand, string entry, [Body] EntryUpdateRequest body, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/entities/{entity}/entries/{entry}")]
    Task<HttpContent> UpdateInEntity(long brand, long entity, string entry, [Body] EntryUpdateRequest body, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/entries/{entry}/stage")]
    Task<HttpContent> MoveStage(long brand, string entry, [Body] EntryStageRequest body, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/entities/{entity}/entries/{entry}/stage")]
    Task<HttpContent> MoveStageInEntity(long brand, long entity, string entry, [Body] EntryStageRequest body, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/entries/{entry}")]
    Task Delete(long brand, string entry, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/entities/{entity}/entries/{entry}")]
    Task DeleteInEntity(long brand, long entity, string entry, CancellationToken cancellationToken);
}
