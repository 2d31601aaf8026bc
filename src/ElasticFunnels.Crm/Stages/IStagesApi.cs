using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The stage routes.</summary>
internal interface IStagesApi
{
    [Get("/brands/{brand}/crm/pipelines/{pipeline}/stages")]
    Task<HttpContent> List(long brand, long pipeline, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/stages/{stage}")]
    Task<HttpContent> Get(long brand, long stage, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/pipelines/{pipeline}/stages")]
    Task<HttpContent> Create(long brand, long pipeline, [Body] StageCreateRequest body, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/stages/{stage}")]
    Task<HttpContent> Update(long brand, long stage, [Body] StageUpdateRequest body, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/stages/reorder")]
    Task Reorder(long brand, [Body] StageReorderRequest body, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/stages/{stage}")]
    Task Delete(long brand, long stage, CancellationToken cancellationToken);
}
