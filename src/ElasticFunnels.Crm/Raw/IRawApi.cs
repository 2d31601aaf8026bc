using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Http;
using Refit;

namespace ElasticFunnels.Crm.Raw;

/// <summary>The routes of raw requests: any path below the brand's CRM root, each segment escaped by Refit.</summary>
internal interface IRawApi
{
    [Get("/brands/{brand}/crm/{**path}")]
    Task<HttpResponseMessage> Get(long brand, string path, [Query] IDictionary<string, string> query, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Delete("/brands/{brand}/crm/{**path}")]
    Task<HttpResponseMessage> Delete(long brand, string path, [Query] IDictionary<string, string> query, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Post("/brands/{brand}/crm/{**path}")]
    Task<HttpResponseMessage> Post(long brand, string path, [Query] IDictionary<string, string> query, [Body] JsonNode? body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Put("/brands/{brand}/crm/{**path}")]
    Task<HttpResponseMessage> Put(long brand, string path, [Query] IDictionary<string, string> query, [Body] JsonNode? body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);

    [Patch("/brands/{brand}/crm/{**path}")]
    Task<HttpResponseMessage> Patch(long brand, string path, [Query] IDictionary<string, string> query, [Body] JsonNode? body, [Property(CrmCall.OptionName)] CrmCall call, CancellationToken cancellationToken);
}
