using System.Net;
using System.Text;

/// <summary>Answers the few routes the smoke test calls with the vendor's documented examples.</summary>
internal sealed class CannedApiHandler : HttpMessageHandler
{
    public List<string> Seen { get; } = [];

    /// <summary>The brand in the path and the key of each request, e.g. <c>42 aot-smoke-key</c>.</summary>
    public List<string> BrandsAndKeys { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Seen.Add($"{request.Method} {path} key={(request.Headers.Contains("EF-Access-Key") ? "yes" : "no")}");
        BrandsAndKeys.Add($"{path.Split('/')[3]} {string.Join(",", request.Headers.TryGetValues("EF-Access-Key", out var keys) ? keys : [])}");
        if (path.EndsWith("/crm/entity-presets", StringComparison.Ordinal))
        {
            // Any brand: the tenant factory's clients ask with theirs.
            path = "/api/brands/42/crm/entity-presets";
        }

        return Task.FromResult((request.Method.Method, path) switch
        {
            ("GET", "/api/brands/42/crm/entity-presets") => Json(HttpStatusCode.OK, """{"presets":[{"key":"leads","label":"Leads","description":"Track inbound leads"}]}"""),
            ("GET", "/api/brands/42/crm/entities/1") => Json(HttpStatusCode.OK, """{"entity":{"id":1,"name":"Leads","slug":"leads","pipelines":[{"id":1,"name":"Sales Pipeline","stages":[{"id":1,"name":"New Lead","order":0,"status":"active"}]}],"fields":[{"id":3,"label":"Source","key":"source","type":"multiselect","options":[{"value":"fb","label":"Facebook"}]}]}}"""),
            ("POST", "/api/brands/42/crm/entities/1/entries") => Json(HttpStatusCode.Created, """{"id":"es-doc-id-xyz","title":"Jane Doe","pipeline_id":1,"stage_id":1,"values":[{"key":"email","value":"jane@example.com"}],"values_flat":{"email":"jane@example.com"},"created_at":"2024-12-11T10:00:00.000000Z"}"""),
            ("GET", _) when path.StartsWith("/api/brands/42/crm/entries/", StringComparison.Ordinal) => Json(HttpStatusCode.NotFound, """{"message":"Entry not found."}"""),
            ("POST", "/api/brands/42/crm/entities") => Json(HttpStatusCode.UnprocessableEntity, """{"errors":{"slug":["The slug has already been taken."]}}"""),
            _ => Json(HttpStatusCode.NotFound, """{"message":"Not Found"}"""),
        });
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
