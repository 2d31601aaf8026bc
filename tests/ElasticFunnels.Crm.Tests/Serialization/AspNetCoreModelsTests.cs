using System.Net;
using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ElasticFunnels.Crm.Tests.Serialization;

/// <summary>
/// A user's ASP.NET Core app returns the SDK's models from minimal-API endpoints, with the framework's own
/// JSON settings (reflection, web defaults) or with only the public source-generated context (as under AOT).
/// </summary>
public sealed class AspNetCoreModelsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<bool> Resolvers => [false, true];

    [Theory]
    [MemberData(nameof(Resolvers))]
    public async Task GetEntity_MinimalApiReturnsEntityWithFields_200WithTheDocumentedJson(bool contextOnly)
    {
        await using var crm = await EmulatorClient.CreateAsync();
        await using var app = new ModelsApi(crm.Client, contextOnly);
        using var http = app.CreateClient();

        using var response = await http.GetAsync($"/entities/{crm.Leads.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(["id", "name", "slug", "singular_name", "plural_name", "icon", "color", "brand_id", "mode", "pipelines_count", "fields_count", "pipelines", "fields", "created_at", "updated_at"], json.Select(p => p.Key));
        Assert.Equal(("Leads", "crm"), ((string?)json["name"], (string?)json["mode"]));
        Assert.Equal(["New Lead", "Contacted", "Qualified", "Closed Won", "Closed Lost"], json["pipelines"]![0]!["stages"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.Equal(["email", "phone", "lead_source", "company", "deal_value"], json["fields"]!.AsArray().Select(f => (string?)f!["key"]));
        Assert.Equal("""["Facebook","Google","Organic","Referral"]""", json["fields"]![2]!["options"]!.ToJsonString());
        Assert.Equal(Documented(await crm.Client.Entities.GetAsync(crm.Leads.Id, Ct)), body);
    }

    [Theory]
    [MemberData(nameof(Resolvers))]
    public async Task GetEntry_MinimalApiReturnsEntry_200WithFlatValues(bool contextOnly)
    {
        await using var crm = await EmulatorClient.CreateAsync();
        var request = crm.Lead("conv-1", "Jane Doe");
        request.Values!["lead_source"] = "Google";
        request.Values["deal_value"] = 1200.50m;
        var created = await crm.Client.Entries.CreateAsync(crm.Leads.Id, request, Ct);
        await using var app = new ModelsApi(crm.Client, contextOnly);
        using var http = app.CreateClient();

        using var response = await http.GetAsync($"/entries/{created.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(["id", "title", "pipeline_id", "stage_id", "crm_entity_id", "brand_id", "reference_type", "reference_id", "assigned_to_user_id", "assigned_to_team_id", "values", "customer", "created_at", "updated_at"], json.Select(p => p.Key));
        Assert.Equal((created.Id, "Jane Doe", "conv-1"), ((string?)json["id"], (string?)json["title"], (string?)json["reference_id"]));
        Assert.Equal("""{"email":"conv-1@example.com","lead_source":"Google","deal_value":1200.50}""", json["values"]!.ToJsonString());
        Assert.Equal(Documented(created), body);
    }

    private static string Documented<T>(T model) where T : notnull =>
        ModelSerializers.Serialize(ModelSerializers.Web, ModelSample.Of("model", model));

    /// <summary>Two minimal-API endpoints that return what the SDK returns, as a user's app would.</summary>
    private sealed class ModelsApi(IElasticFunnelsCrmClient crm, bool contextOnly) : WebApplicationFactory<ModelsApi>
    {
        protected override IHostBuilder CreateHostBuilder() =>
            Host.CreateDefaultBuilder().ConfigureWebHostDefaults(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    services.AddRouting();
                    services.AddSingleton(crm);
                    if (contextOnly)
                    {
                        // What an AOT app does: no reflection, only the SDK's source-generated metadata.
                        services.ConfigureHttpJsonOptions(o =>
                        {
                            o.SerializerOptions.TypeInfoResolverChain.Clear();
                            o.SerializerOptions.TypeInfoResolverChain.Add(CrmModelJsonContext.Default);
                        });
                    }
                })
                .Configure(app => app.UseRouting().UseEndpoints(endpoints =>
                {
                    endpoints.MapGet("/entities/{id:long}", (long id, IElasticFunnelsCrmClient client, CancellationToken ct) => client.Entities.GetAsync(id, ct));
                    endpoints.MapGet("/entries/{id}", (string id, IElasticFunnelsCrmClient client, CancellationToken ct) => client.Entries.GetAsync(id, ct));
                })));

        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);
    }
}
