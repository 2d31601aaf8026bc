using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing.Tests;

/// <summary>A plain HttpClient over an emulator, with paths relative to <c>/api/brands/{brand}/crm/</c>.</summary>
public sealed class Api : IAsyncDisposable
{
    public Api(CrmEmulatorOptions? options = null, HttpClient? http = null)
    {
        Emulator = new CrmEmulator(options ?? new CrmEmulatorOptions());
        Http = http ?? new HttpClient(Emulator.CreateHandler()) { BaseAddress = Emulator.BaseAddress };
        Http.DefaultRequestHeaders.Add("EF-Access-Key", Emulator.AccessKey);
    }

    public CrmEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static Api Seeded() => new(new CrmEmulatorOptions { SeedLeadsEntity = true });

    public string Crm(string path) => $"brands/{Emulator.BrandId}/crm/{path}";

    public Task<ApiResult> Get(string path) => Send(HttpMethod.Get, path);

    public Task<ApiResult> Post(string path, string json) => Send(HttpMethod.Post, path, json);

    public Task<ApiResult> Put(string path, string json) => Send(HttpMethod.Put, path, json);

    public Task<ApiResult> Delete(string path) => Send(HttpMethod.Delete, path);

    public async Task<ApiResult> Send(HttpMethod method, string path, string? json = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, Crm(path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return await SendRaw(request, cancellationToken);
    }

    public async Task<ApiResult> SendRaw(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(text);
        }

        return new ApiResult(response.StatusCode, text, json, response);
    }

    /// <summary>Creates an entity and returns its id.</summary>
    public async Task<long> CreateEntity(string slug, string? preset = null, string mode = "crm")
    {
        var presetPart = preset is null ? string.Empty : $""","preset":"{preset}" """;
        var result = await Post("entities", $$"""{"name":"{{slug}}","slug":"{{slug}}","mode":"{{mode}}"{{presetPart}}}""");
        Assert.Equal(System.Net.HttpStatusCode.Created, result.Status);
        return result.Body["id"]!.GetValue<long>();
    }

    /// <summary>Creates an entry in the seeded leads entity (pipeline 1) and returns its id.</summary>
    public async Task<string> CreateLead(string title, long stageId = 1, string? extra = null, string values = "{}")
    {
        var result = await Post("entities/1/entries", $$"""{"title":"{{title}}","pipeline_id":1,"stage_id":{{stageId}},"values":{{values}}{{extra}}}""");
        Assert.True(result.Status == System.Net.HttpStatusCode.Created, result.Text);
        return result.Body["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
