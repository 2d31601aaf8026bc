using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The entity routes.</summary>
internal interface IEntitiesApi
{
    [Get("/brands/{brand}/crm/entities")]
    Task<HttpContent> List(long brand, CancellationToken cancellationToken);

    [Get("/brands/{brand}/crm/entities/{entity}")]
    Task<HttpContent> Get(long brand, long entity, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/entities")]
    Task<HttpContent> Create(long brand, [Body] EntityCreateRequest body, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/entities/{entity}")]
    Task<HttpContent> Update(long brand, long entity, [Body] EntityUpdateRequest body, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/entities/{entity}")]
    Task Delete(long brand, long entity, CancellationToken cancellationToken);
}
