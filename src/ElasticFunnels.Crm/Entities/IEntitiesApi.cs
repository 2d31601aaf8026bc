using ElasticFunnels.Crm.Http;
using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The entity routes.</summary>
internal interface IEntitiesApi
{
    [Get("/brands/{brand}/crm/entities")]
    Task<HttpResponseMessage> List(long brand, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/entities/{entity}")]
    Task<HttpResponseMessage> Get(long brand, long entity, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/entities")]
    Task<HttpResponseMessage> Create(long brand, [Body] EntityCreateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/entities/{entity}")]
    Task<HttpResponseMessage> Update(long brand, long entity, [Body] EntityUpdateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/entities/{entity}")]
    Task<HttpResponseMessage> Delete(long brand, long entity, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);
}
