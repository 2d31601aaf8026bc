using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The entity-preset route. Route templates live only in the Refit interfaces.</summary>
internal interface IEntityPresetsApi
{
    [Get("/brands/{brand}/crm/entity-presets")]
    Task<HttpContent> List(long brand, CancellationToken cancellationToken);
}
