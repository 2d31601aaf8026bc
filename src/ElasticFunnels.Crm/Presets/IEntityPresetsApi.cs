using ElasticFunnels.Crm.Http;
using Refit;

namespace ElasticFunnels.Crm;

/// <summary>The entity-preset route. Route templates live only in the Refit interfaces.</summary>
internal interface IEntityPresetsApi
{
    [Get("/brands/{brand}/crm/entity-presets")]
    Task<HttpResponseMessage> List(long brand, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);
}
