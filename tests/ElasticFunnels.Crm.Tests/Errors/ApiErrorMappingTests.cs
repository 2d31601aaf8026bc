using System.Net;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Errors;

public sealed class ApiErrorMappingTests
{
    private const string EntriesPath = "/api/brands/42/crm/entities/1/entries";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EntryCreateRequest Lead() => new() { Title = "Jane", PipelineId = 1, StageId = 1 };

    [Theory]
    [InlineData(400, typeof(CrmValidationException))]
    [InlineData(422, typeof(CrmValidationException))]
    [InlineData(401, typeof(CrmAuthenticationException))]
    [InlineData(403, typeof(CrmPermissionException))]
    [InlineData(404, typeof(CrmNotFoundException))]
    [InlineData(409, typeof(CrmConflictException))]
    [InlineData(429, typeof(CrmRateLimitException))]
    [InlineData(500, typeof(CrmApiException))]
    [InlineData(418, typeof(CrmApiException))]
    public async Task CreateAsync_ErrorStatus_ThrowsTypedExceptionWithRequestDetails(int status, Type expected)
    {
        using var stub = new CrmStub(TestOptions.NoRetries).Respond("POST", EntriesPath, status, """{"message":"Nope."}""");

        var ex = await Assert.ThrowsAnyAsync<CrmApiException>(() => stub.Client.Entries.CreateAsync(1, Lead(), Ct));

        Assert.Equal(expected, ex.GetType());
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal("POST", ex.Error.Method);
        Assert.Equal(EntriesPath, ex.Error.Path);
        Assert.Equal("/api/brands/{brand}/crm/entities/{entity}/entries", ex.Error.PathTemplate);
        Assert.Equal("Nope.", ex.ApiMessage);
        Assert.StartsWith($"POST {EntriesPath} failed with {status} (", ex.Message);
        Assert.EndsWith("): Nope.", ex.Message);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task CreateAsync_422WithFieldErrors_MessageIsASentenceNamingTheFirstFieldErrors()
    {
        using var stub = new CrmStub().Respond("POST", EntriesPath, 422, """
            {"errors":{"title":["The title field is required."],"stage_id":["The selected stage id is invalid.","It must belong to the pipeline."],"a":["x"],"b":["y"]}}
            """);

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => stub.Client.Entries.CreateAsync(1, Lead(), Ct));

        Assert.Equal(
            $"POST {EntriesPath} failed with 422 (Unprocessable Entity): title: The title field is required. stage_id: The selected stage id is invalid. It must belong to the pipeline. a: x and 1 more field error(s).",
            ex.Message);
        Assert.Equal(["The title field is required."], ex.FieldErrors["title"]);
        Assert.Equal(2, ex.FieldErrors["stage_id"].Count);
        Assert.Null(ex.ApiMessage);
        Assert.Null(ex.Error.BodySnippet);
    }

    [Fact]
    public async Task GetAsync_BodyWithBothErrorAndCode_ErrorCodeIsTheErrorField()
    {
        // The vendor names the code "error" ({"error": "code", "message": ...}); a numeric "code" beside it is secondary.
        using var stub = new CrmStub()
            .Respond("GET", "/api/brands/42/crm/entities/1", 409, """{"success":false,"message":"Slug taken","error":"slug_taken","code":1062}""");

        var conflict = await Assert.ThrowsAsync<CrmConflictException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Equal("slug_taken", conflict.ErrorCode);
        Assert.Equal("Slug taken", conflict.ApiMessage);
    }

    [Fact]
    public async Task GetAsync_ErrorCodeShapes_ReadsErrorOrCode()
    {
        using var stub = new CrmStub()
            .Respond("GET", "/api/brands/42/crm/entities/1", 403, """{"error":"plan_limit","message":"Upgrade your plan.","plan_error":{"limit":3}}""")
            .Respond("GET", "/api/brands/42/crm/entities/2", 409, """{"success":false,"message":"Slug taken","code":1062}""");

        var permission = await Assert.ThrowsAsync<CrmPermissionException>(() => stub.Client.Entities.GetAsync(1, Ct));
        var conflict = await Assert.ThrowsAsync<CrmConflictException>(() => stub.Client.Entities.GetAsync(2, Ct));

        Assert.Equal("plan_limit", permission.ErrorCode);
        Assert.Equal("Upgrade your plan.", permission.ApiMessage);
        Assert.Equal("1062", conflict.ErrorCode);
        Assert.Equal("GET /api/brands/42/crm/entities/2 failed with 409 (Conflict): Slug taken.", conflict.Message);
    }

    [Theory]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")]
    [InlineData("upstream connect error", "text/plain")]
    [InlineData("""{"message": "cut sho""", "application/json")]
    [InlineData("", "application/json")]
    public async Task DeleteAsync_NonJsonOrBrokenErrorBody_StillTypedWithSnippet(string body, string contentType)
    {
        using var stub = new CrmStub(o => o.Retry.MaxRetryAttempts = 0).Respond("DELETE", "/api/brands/42/crm/entities/1", 404, body, contentType: contentType);

        var ex = await Assert.ThrowsAsync<CrmNotFoundException>(() => stub.Client.Entities.DeleteAsync(1, Ct));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Null(ex.ApiMessage);
        Assert.Empty(ex.FieldErrors);
        if (body.Length == 0)
        {
            Assert.Null(ex.Error.BodySnippet);
            Assert.Equal("DELETE /api/brands/42/crm/entities/1 failed with 404 (Not Found).", ex.Message);
        }
        else
        {
            Assert.Equal(body, ex.Error.BodySnippet);
            Assert.Equal("DELETE /api/brands/42/crm/entities/1 failed with 404 (Not Found): the response body was not JSON (see Error.BodySnippet).", ex.Message);
        }
    }

    [Fact]
    public async Task GetAsync_HugeHtmlErrorBody_SnippetIsBounded()
    {
        var page = "<html>" + new string('x', 200_000) + "</html>";
        using var stub = new CrmStub(o => o.Retry.MaxRetryAttempts = 0).Respond("GET", "/api/brands/42/crm/entities/1", 500, page, contentType: "text/html");

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(513, ex.Error.BodySnippet!.Length);
        Assert.StartsWith("<html>xxx", ex.Error.BodySnippet);
    }

    [Fact]
    public async Task GetAsync_429WithRetryAfter_MessageAndPropertyCarryTheHint()
    {
        using var stub = new CrmStub(TestOptions.NoRetries).Respond(
            "GET", "/api/brands/42/crm/entities", 429, """{"message":"Too many requests. Please slow down."}""", new Dictionary<string, string> { ["Retry-After"] = "7" });

        var ex = await Assert.ThrowsAsync<CrmRateLimitException>(() => stub.Client.Entities.ListAsync(Ct));

        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Equal("GET /api/brands/42/crm/entities failed with 429 (Too Many Requests): Too many requests. Please slow down. The server asked to retry after 7 s (Retry-After).", ex.Message);
    }

    [Fact]
    public async Task GetAsync_RedirectToLoginPage_ThrowsAuthenticationException()
    {
        using var stub = new CrmStub().Respond(
            "GET", "/api/brands/42/crm/entities", 302, "<html>Redirecting</html>", new Dictionary<string, string> { ["Location"] = "https://app.elasticfunnels.io/login?next=%2Fapi" }, "text/html");

        var ex = await Assert.ThrowsAsync<CrmAuthenticationException>(() => stub.Client.Entities.ListAsync(Ct));

        Assert.Equal(HttpStatusCode.Redirect, ex.StatusCode);
        Assert.Contains("redirect (302) to https://app.elasticfunnels.io/login", ex.Message);
        Assert.DoesNotContain("next=", ex.Message);
        Assert.Contains("login page", ex.Message);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task GetAsync_SuccessStatusWithHtmlPage_ThrowsAuthenticationException()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", 200, "<!DOCTYPE html><title>Log in</title>", contentType: "text/html; charset=utf-8");

        var ex = await Assert.ThrowsAsync<CrmAuthenticationException>(() => stub.Client.Entities.ListAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Contains("HTML page instead of JSON", ex.Message);
        Assert.Equal("<!DOCTYPE html><title>Log in</title>", ex.Error.BodySnippet);
    }
}
