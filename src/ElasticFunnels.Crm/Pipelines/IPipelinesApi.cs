using ElasticFunnels.Crm.Serialization;
using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The pipeline routes.</summary>
internal interface IPipelinesApi
{
    [Get("/brands/{brand}/crm/entities/{entity}/pipelines")]
    Task<ListEnvelope<Pipeline>> List(long brand, long entity, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/pipelines/{pipeline}")]
    Task<Envelope<Pipeline>> Get(long brand, long pipeline, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/entities/{entity}/pipelines")]
    Task<Envelope<Pipeline>> Create(long brand, long entity, [Body] PipelineCreateRequest body, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/pipelines/{pipeline}")]
    Task<Envelope<Pipeline>> Update(long brand, long pipeline, [Body] PipelineUpdateRequest body, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/pipelines/{pipeline}")]
    Task Delete(long brand, long pipeline, CancellationToken cancellationToken);
}
