using ElasticFunnels.Crm.Http;
using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The custom-field routes.</summary>
internal interface IFieldsApi
{
    [Get("/brands/{brand}/crm/entities/{entity}/fields")]
    Task<HttpResponseMessage> List(long brand, long entity, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/fields/{field}")]
    Task<HttpResponseMessage> Get(long brand, long field, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/entities/{entity}/fields")]
    Task<HttpResponseMessage> Create(long brand, long entity, [Body] FieldCreateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/fields/{field}")]
    Task<HttpResponseMessage> Update(long brand, long field, [Body] FieldUpdateRequest body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/fields/{field}")]
    Task<HttpResponseMessage> Delete(long brand, long field, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);
}
