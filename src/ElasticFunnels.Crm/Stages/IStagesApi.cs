using ElasticFunnels.Crm.Http;
using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The stage routes.</summary>
internal interface IStagesApi
{
    [Get("/brands/{brand}/crm/pipelines/{pipeline}/stages")]
    Task<HttpResponseMessage> List(long brand, long pipeline, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/stages/{stage}")]
    Task<HttpResponseMessage> Get(long brand, long stage, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/pipelines/{pipeline}/stages")]
    Task<HttpResponseMessage> Create(long brand, long pipeline, [Body] StageCreateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/stages/{stage}")]
    Task<HttpResponseMessage> Update(long brand, long stage, [Body] StageUpdateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/stages/reorder")]
    Task<HttpResponseMessage> Reorder(long brand, [Body] StageReorderRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/stages/{stage}")]
    Task<HttpResponseMessage> Delete(long brand, long stage, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);
}
