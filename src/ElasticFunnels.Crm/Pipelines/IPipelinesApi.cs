using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The pipeline routes.</summary>
internal interface IPipelinesApi
{
    [Get("/brands/{brand}/crm/entities/{entity}/pipelines")]
    Task<HttpContent> List(long brand, long entity, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/pipelines/{pipeline}")]
    Task<HttpContent> Get(long brand, long pipeline, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/entities/{entity}/pipelines")]
    Task<HttpContent> Create(long brand, long entity, [Body] PipelineCreateRequest body, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/pipelines/{pipeline}")]
    Task<HttpContent> Update(long brand, long pipeline, [Body] PipelineUpdateRequest body, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/pipelines/{pipeline}")]
    Task Delete(long brand, long pipeline, CancellationToken cancellationToken);
}
