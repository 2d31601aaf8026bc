using ElasticFunnels.Crm.Http;
using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The pipeline routes.</summary>
internal interface IPipelinesApi
{
    [Get("/brands/{brand}/crm/entities/{entity}/pipelines")]
    Task<HttpResponseMessage> List(long brand, long entity, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/pipelines/{pipeline}")]
    Task<HttpResponseMessage> Get(long brand, long pipeline, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/entities/{entity}/pipelines")]
    Task<HttpResponseMessage> Create(long brand, long entity, [Body] PipelineCreateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/pipelines/{pipeline}")]
    Task<HttpResponseMessage> Update(long brand, long pipeline, [Body] PipelineUpdateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/pipelines/{pipeline}")]
    Task<HttpResponseMessage> Delete(long brand, long pipeline, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);
}
