using System.Net;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests;

/// <summary>
/// Each exception <see cref="CrmModelFactory"/> makes is compared with the one the SDK throws when a server gives
/// the same answer: type, status, message, API message and code, field errors, Retry-After, body snippet and raw response.
/// </summary>
public sealed class CrmModelFactoryExceptionTests
{
    private const string EntityPath = "/api/brands/42/crm/entities/7";
    private const string EntityTemplate = "/api/brands/{brand}/crm/entities/{entity}";
    private const string EntriesPath = "/api/brands/42/crm/entities/1/entries";

    /// <summary>Headers the test server adds on its own; the factory is not told about them.</summary>
    private static readonly string[] TransportHeaders = ["Date", "Server", "Content-Length", "Transfer-Encoding"];

    private static readonly Dictionary<string, string> RequestId = new() { ["X-Request-Id"] = "req-7f3a" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<CrmApiException> ThrownForGetEntity(int status, string? json, IDictionary<string, string>? headers = null)
    {
        using var stub = new CrmStub(TestOptions.NoRetries).Respond("GET", EntityPath, status, json, headers);
        return await Assert.ThrowsAnyAsync<CrmApiException>(() => stub.Client.Entities.GetAsync(7, Ct));
    }

    private static void AssertLooksTheSame(CrmApiException thrown, CrmApiException made, bool samePathTemplate = false)
    {
        Assert.Equal(thrown.GetType(), made.GetType());
        Assert.Equal(thrown.Message, made.Message);
        Assert.Equal(thrown.StatusCode, made.StatusCode);
        Assert.Equal(thrown.ApiMessage, made.ApiMessage);
        Assert.Equal(thrown.ErrorCode, made.ErrorCode);
        Assert.Equal(thrown.FieldErrors.Select(f => $"{f.Key}: {string.Join(" | ", f.Value)}"), made.FieldErrors.Select(f => $"{f.Key}: {string.Join(" | ", f.Value)}"));
        Assert.Equal(thrown.Error.RetryAfter, made.Error.RetryAfter);
        Assert.Equal(thrown.Error.BodySnippet, made.Error.BodySnippet);
        Assert.Equal(thrown.Error.Method, made.Error.Method);
        Assert.Equal(thrown.Error.Path, made.Error.Path);
        if (samePathTemplate)
        {
            Assert.Equal(thrown.Error.PathTemplate, made.Error.PathTemplate);
        }

        var sent = thrown.RawResponse!;
        var response = made.RawResponse!;
        Assert.Equal(sent.StatusCode, response.StatusCode);
        Assert.Equal(sent.Method, response.Method);
        Assert.Equal(sent.Path, response.Path);
        Assert.Equal(sent.Attempts, response.Attempts);
        Assert.Equal(sent.RequestId, response.RequestId);
        Assert.Equal(
            Normalized(sent.Headers.Where(h => !TransportHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))),
            Normalized(response.Headers));
        if (made is CrmRateLimitException madeRateLimit)
        {
            Assert.Equal(((CrmRateLimitException)thrown).RetryAfter, madeRateLimit.RetryAfter);
        }
    }

    /// <summary>Header names are case-insensitive (HttpClient spells X-Request-Id as X-Request-ID).</summary>
    private static IEnumerable<string> Normalized(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Select(h => $"{h.Key.ToUpperInvariant()}: {h.Value}").Order(StringComparer.Ordinal);

    [Fact]
    public async Task CrmValidationException_FieldErrors_SameAsThe422TheSdkThrows()
    {
        using var stub = new CrmStub(TestOptions.NoRetries).Respond("POST", EntriesPath, 422, """
            {"errors":{"title":["The title field is required."],"stage_id":["The selected stage id is invalid.","It must belong to the pipeline."],"email":["x"],"phone":["y"]}}
            """, RequestId);
        var thrown = await Assert.ThrowsAsync<CrmValidationException>(() => stub.Client.Entries.CreateAsync(1, new EntryCreateRequest { Title = "Jane" }, Ct));

        var made = CrmModelFactory.CrmValidationException(
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["title"] = ["The title field is required."],
                ["stage_id"] = ["The selected stage id is invalid.", "It must belong to the pipeline."],
                ["email"] = ["x"],
                ["phone"] = ["y"],
            },
            path: EntriesPath,
            headers: RequestId);

        AssertLooksTheSame(thrown, made);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, made.StatusCode);
        Assert.Equal(["The title field is required."], made.FieldErrors["title"]);
        Assert.Equal("req-7f3a", made.RawResponse!.RequestId);
    }

    [Fact]
    public async Task CrmValidationException_400WithMessage_SameAsThe400TheSdkThrows()
    {
        var thrown = await ThrownForGetEntity(400, """{"message":"The entity id must be numeric."}""");

        var made = CrmModelFactory.CrmValidationException(message: "The entity id must be numeric.", statusCode: HttpStatusCode.BadRequest, method: "GET", path: EntityPath);

        AssertLooksTheSame(thrown, made);
        Assert.Equal($"GET {EntityPath} failed with 400 (Bad Request): The entity id must be numeric.", made.Message);
    }

    [Fact]
    public async Task CrmRateLimitException_RetryAfterAndRateLimitHeaders_SameAsThe429TheSdkThrows()
    {
        var headers = new Dictionary<string, string> { ["Retry-After"] = "30", ["X-RateLimit-Remaining"] = "0", ["X-Request-Id"] = "req-429" };
        var thrown = await ThrownForGetEntity(429, """{"message":"Too many requests. Please slow down."}""", headers);

        var made = CrmModelFactory.CrmRateLimitException(
            TimeSpan.FromSeconds(30),
            "Too many requests. Please slow down.",
            path: EntityPath,
            headers: new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-Request-Id"] = "req-429" });

        AssertLooksTheSame(thrown, made);
        Assert.Equal(TimeSpan.FromSeconds(30), made.RetryAfter);
        Assert.Equal("30", made.RawResponse!.Headers["Retry-After"]);
        Assert.EndsWith("The server asked to retry after 30 s (Retry-After).", made.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrmNotFoundException_NoBody_SameAsTheBare404TheSdkThrows()
    {
        var thrown = await ThrownForGetEntity(404, json: null);

        var made = CrmModelFactory.CrmNotFoundException(path: EntityPath);

        AssertLooksTheSame(thrown, made);
        Assert.Equal($"GET {EntityPath} failed with 404 (Not Found).", made.Message);
        Assert.DoesNotContain("Content-Type", made.RawResponse!.Headers.Keys);
    }

    [Fact]
    public async Task CrmAuthenticationException_Message_SameAsThe401TheSdkThrows()
    {
        var thrown = await ThrownForGetEntity(401, """{"message":"Unauthenticated."}""", RequestId);

        var made = CrmModelFactory.CrmAuthenticationException("Unauthenticated.", path: EntityPath, headers: RequestId);

        AssertLooksTheSame(thrown, made);
    }

    [Fact]
    public async Task CrmPermissionException_ErrorCodeAndMessage_SameAsThe403TheSdkThrows()
    {
        var thrown = await ThrownForGetEntity(403, """{"message":"Upgrade your plan.","error":"plan_limit"}""");

        var made = CrmModelFactory.CrmPermissionException("Upgrade your plan.", "plan_limit", path: EntityPath);

        AssertLooksTheSame(thrown, made);
        Assert.Equal("plan_limit", made.ErrorCode);
    }

    [Fact]
    public async Task CrmPermissionException_ErrorCodeOnly_KeepsTheBodySnippetAsTheSdkDoes()
    {
        var thrown = await ThrownForGetEntity(403, """{"error":"module_disabled"}""");

        var made = CrmModelFactory.CrmPermissionException(errorCode: "module_disabled", path: EntityPath);

        AssertLooksTheSame(thrown, made);
        Assert.Equal("""{"error":"module_disabled"}""", made.Error.BodySnippet);
    }

    [Fact]
    public async Task CrmConflictException_MessageAndCode_SameAsThe409TheSdkThrows()
    {
        var thrown = await ThrownForGetEntity(409, """{"message":"Slug taken","error":"1062"}""");

        var made = CrmModelFactory.CrmConflictException("Slug taken", "1062", method: "GET", path: EntityPath);

        AssertLooksTheSame(thrown, made);
        Assert.Equal($"GET {EntityPath} failed with 409 (Conflict): Slug taken.", made.Message);
    }

    [Theory]
    [InlineData(500, typeof(CrmApiException))]
    [InlineData(503, typeof(CrmApiException))]
    [InlineData(404, typeof(CrmNotFoundException))]
    [InlineData(429, typeof(CrmRateLimitException))]
    public async Task CrmApiException_AnyErrorStatus_SameTypeMessageAndTemplateAsTheSdk(int status, Type expected)
    {
        var headers = new Dictionary<string, string> { ["X-Request-Id"] = "req-5xx", ["Set-Cookie"] = "session=secret" };
        var thrown = await ThrownForGetEntity(status, """{"message":"Server Error"}""", headers);

        var made = CrmModelFactory.CrmApiException((HttpStatusCode)status, "Server Error", path: EntityPath, pathTemplate: EntityTemplate, headers: headers);

        Assert.IsType(expected, made);
        AssertLooksTheSame(thrown, made, samePathTemplate: true);
        Assert.DoesNotContain("Set-Cookie", made.RawResponse!.Headers.Keys);
    }

    [Fact]
    public void CrmApiException_AttemptsAndDuration_AreOnTheRawResponse()
    {
        var made = CrmModelFactory.CrmApiException(HttpStatusCode.ServiceUnavailable, attempts: 4, duration: TimeSpan.FromSeconds(3));

        Assert.Equal(4, made.RawResponse!.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(3), made.RawResponse.Duration);
        Assert.Equal("GET / failed with 503 (Service Unavailable).", made.Message);
    }

    [Theory]
    [InlineData(200, "statusCode")]
    [InlineData(302, "statusCode")]
    [InlineData(600, "statusCode")]
    public void CrmApiException_NotAnErrorStatus_ThrowsNamingStatusCode(int status, string parameter)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => CrmModelFactory.CrmApiException((HttpStatusCode)status));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains("must be an error status, 400 to 599", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrmApiException_RelativePath_ThrowsNamingPath()
    {
        var ex = Assert.Throws<ArgumentException>(() => CrmModelFactory.CrmNotFoundException(path: "brands/42"));

        Assert.Equal("path", ex.ParamName);
        Assert.Contains("starting with '/'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CrmValidationException_StatusOtherThan400Or422_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CrmModelFactory.CrmValidationException(statusCode: HttpStatusCode.NotFound));

        Assert.Equal("statusCode", ex.ParamName);
    }
}
