using System.Net;
using ElasticFunnels.Crm.Tests.Infrastructure;
using static ElasticFunnels.Crm.Tests.Infrastructure.Replies;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>The raw response a caller can read: after a success (the ...WithResponseAsync methods, every page) and after each kind of failure.</summary>
public sealed class RawResponseTests
{
    private const string EntryJson = """{"id":"e1","title":"Jane","stage_id":2}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetWithResponseAsync_Success_StatusHeadersRequestIdAttemptsAndDuration()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entries/e1", json: EntryJson, headers: new Dictionary<string, string>
        {
            ["X-Request-Id"] = "req-123",
            ["X-RateLimit-Remaining"] = "17",
        });

        var response = await stub.Client.Entries.GetWithResponseAsync("e1", cancellationToken: Ct);

        Assert.Equal("Jane", response.Value.Title);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req-123", response.RequestId);
        Assert.Equal("17", response.Headers["x-ratelimit-remaining"]);
        Assert.StartsWith("application/json", response.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("GET", response.Method);
        Assert.Equal("/api/brands/42/crm/entries/e1", response.Path);
        Assert.Equal(1, response.Attempts);
        Assert.True(response.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task CreateWithResponseAsync_RetriedAfter429_CountsBothAttempts()
    {
        using var stub = new CrmStub();
        stub.Sequence("POST", Status(429, retryAfter: "0"), r => r.WithStatusCode(201).WithHeader("Content-Type", "application/json").WithHeader("X-Correlation-Id", "corr-9").WithBody(EntryJson));

        var response = await stub.Client.Entries.CreateWithResponseAsync(1, new EntryCreateRequest { Title = "Jane", PipelineId = 1, StageId = 1 }, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, response.Attempts);
        Assert.Equal("corr-9", response.RequestId);
        Assert.Equal("e1", response.Value.Id);
    }

    [Fact]
    public async Task RequestId_XRequestIdPreferredOverXCorrelationId_NullWithNeither()
    {
        using var both = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1", json: Replies.EntityJson, headers: new Dictionary<string, string> { ["X-Correlation-Id"] = "corr", ["X-Request-Id"] = "req" });
        using var none = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1", json: Replies.EntityJson);

        Assert.Equal("req", (await both.Client.Entities.GetWithResponseAsync(1, cancellationToken: Ct)).RequestId);
        Assert.Null((await none.Client.Entities.GetWithResponseAsync(1, cancellationToken: Ct)).RequestId);
    }

    [Fact]
    public async Task DeleteWithResponseAsync_NoContent_RawResponseWithoutValue()
    {
        using var stub = new CrmStub().Respond("DELETE", "/api/brands/42/crm/stages/3", 204, headers: new Dictionary<string, string> { ["X-Request-Id"] = "del-1" });

        var response = await stub.Client.Stages.DeleteWithResponseAsync(3, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("del-1", response.RequestId);
        Assert.Equal("DELETE", response.Method);
    }

    [Fact]
    public async Task GetWithResponseAsync_HeaderEchoingTheKey_ValueRedacted()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1", json: Replies.EntityJson, headers: new Dictionary<string, string> { ["X-Debug"] = "key=" + CrmStub.AccessKey });

        var response = await stub.Client.Entities.GetWithResponseAsync(1, cancellationToken: Ct);

        Assert.Equal("key=***", response.Headers["X-Debug"]);
    }

    public static TheoryData<int, Type> Failures() => new()
    {
        { 400, typeof(CrmValidationException) },
        { 401, typeof(CrmAuthenticationException) },
        { 403, typeof(CrmPermissionException) },
        { 404, typeof(CrmNotFoundException) },
        { 409, typeof(CrmConflictException) },
        { 422, typeof(CrmValidationException) },
        { 429, typeof(CrmRateLimitException) },
        { 500, typeof(CrmApiException) },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Failure_AnyErrorStatus_ExceptionCarriesRawResponseWithAllowListedHeadersOnly(int status, Type expected)
    {
        using var stub = new CrmStub(o => o.Retry.MaxRetryAttempts = 0).Respond("GET", "/api/brands/42/crm/pipelines/7", status, """{"message":"no"}""", new Dictionary<string, string>
        {
            ["X-Request-Id"] = "req-err",
            ["Set-Cookie"] = "session=abc",
            ["X-Internal-Token"] = "secret",
            ["Retry-After"] = "120",
        });

        var ex = await Assert.ThrowsAnyAsync<CrmApiException>(() => stub.Client.Pipelines.GetAsync(7, Ct));

        Assert.IsType(expected, ex);
        var raw = Assert.IsType<CrmResponse>(ex.RawResponse);
        Assert.Equal((HttpStatusCode)status, raw.StatusCode);
        Assert.Equal("req-err", raw.RequestId);
        Assert.Equal("120", raw.Headers["Retry-After"]);
        Assert.False(raw.Headers.ContainsKey("Set-Cookie"));
        Assert.False(raw.Headers.ContainsKey("X-Internal-Token"));
        Assert.Equal("/api/brands/42/crm/pipelines/7", raw.Path);
        Assert.Equal(1, raw.Attempts);
        Assert.Equal("/api/brands/{brand}/crm/pipelines/{pipeline}", ex.Error.PathTemplate);
    }

    [Fact]
    public async Task Failure_AfterRetries_RawResponseCountsEveryAttempt()
    {
        using var stub = new CrmStub(o => o.Retry.MaxRetryAttempts = 2);
        stub.Sequence("GET", Status(503));

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Equal(3, ex.RawResponse!.Attempts);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Failure_UnreadableSuccessBody_FormatExceptionCarriesRawResponse()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1", json: "<html>", headers: new Dictionary<string, string> { ["X-Request-Id"] = "fmt" });

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Equal(HttpStatusCode.OK, ex.RawResponse!.StatusCode);
        Assert.Equal("fmt", ex.RawResponse.RequestId);
    }

    [Fact]
    public async Task ListAutoPagingAsync_EveryPage_CarriesItsRawResponse()
    {
        using var stub = new CrmStub();
        stub.Sequence(
            "GET",
            r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("X-Request-Id", "p1").WithBody("""{"data":[{"id":"a"}],"current_page":1,"last_page":2,"per_page":1,"total":2}"""),
            r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("X-Request-Id", "p2").WithBody("""{"data":[{"id":"b"}],"current_page":2,"last_page":2,"per_page":1,"total":2}"""));

        var pages = new List<CrmPage<Entry>>();
        await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 1 }, Ct).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(["p1", "p2"], pages.Select(p => p.RawResponse!.RequestId));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.RawResponse!.StatusCode));
    }

    [Fact]
    public async Task ListAsync_OnePage_CarriesRawResponseAndATokenThatResumesTheWalk()
    {
        using var stub = new CrmStub();
        stub.Sequence(
            "GET",
            r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("X-Request-Id", "first").WithBody("""{"data":[{"id":"a"}],"current_page":1,"last_page":2,"per_page":1,"total":2}"""),
            r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"data":[{"id":"b"}],"current_page":2,"last_page":2,"per_page":1,"total":2}"""));

        var first = await stub.Client.Entries.ListAsync(1, new EntryListOptions { PerPage = 1 }, Ct);
        var rest = new List<string>();
        await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 1 }, Ct).AsPages(first.ContinuationToken))
        {
            rest.AddRange(page.Values.Select(e => e.Id));
        }

        Assert.Equal("first", first.RawResponse!.RequestId);
        Assert.True(first.HasMore);
        Assert.Equal(["b"], rest);
        Assert.Equal("/api/brands/42/crm/entities/1/entries?page=2&per_page=1", stub.Requests[1].RequestMessage!.AbsoluteUrl[(stub.Server.Url!.Length)..]);
    }
}
