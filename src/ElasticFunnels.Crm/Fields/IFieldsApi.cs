using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The custom-field routes.</summary>
internal interface IFieldsApi
{
    [Get("/brands/{brand}/crm/entities/{entity}/fields")]
    Task<HttpContent> List(long brand, long entity, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/fields/{field}")]
    Task<HttpContent> Get(long brand, long field, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/entities/{entity}/fields")]
    Task<HttpContent> Create(long brand, long entity, [Body] FieldCreateRequest body, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/fields/{field}")]
    Task<HttpContent> Update(long brand, long field, [Body] FieldUpdateRequest body, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/fields/{field}")]
    Task Delete(long brand, long field, CancellationToken cancellationToken);
}
