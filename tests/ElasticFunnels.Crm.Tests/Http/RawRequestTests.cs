using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Tests.Infrastructure;
using static ElasticFunnels.Crm.Tests.Infrastructure.Replies;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>Calling an endpoint the SDK does not type: the same pipeline as a typed call, and no way out of the brand's CRM root.</summary>
public sealed class RawRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_Get_PathUnderBrandRootQueryEscapedKeyAndAccept()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1/automations", json: """{"data":[{"id":5}]}""", headers: new Dictionary<string, string> { ["X-Request-Id"] = "raw-1" });

        var response = await stub.Client.SendAsync(
            new CrmRawRequest(HttpMethod.Get, "entities/1/automations") { Query = { ["q"] = "a&b=c #d", ["per_page"] = "5" } },
            Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/entities/1/automations", query: new Dictionary<string, string> { ["q"] = "a&b=c #d", ["per_page"] = "5" });
        Assert.Equal(5, response.Value.GetProperty("data")[0].GetProperty("id").GetInt32());
        Assert.Equal("raw-1", response.RequestId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_PostWithBody_SendsJsonAndReadsTypedValue()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities/1/automations", 201, """{"id":9,"name":"welcome"}""");

        var response = await stub.Client.SendAsync(
            new CrmRawRequest(HttpMethod.Post, "entities/1/automations") { Body = new JsonObject { ["name"] = "welcome", ["steps"] = new JsonArray(1, 2) } },
            RawTestJsonContext.Default.Automation,
            Ct);

        stub.AssertSent("POST", "/api/brands/42/crm/entities/1/automations", """{"name":"welcome","steps":[1,2]}""");
        Assert.Equal(new Automation(9, "welcome"), response.Value);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_SegmentsWithSpecialCharacters_EachEscapedAsOneSegment()
    {
        using var stub = new CrmStub().RespondToAll(200, "{}");

        await stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Get, "entries/a b:c@d;e=f/x%y"), Ct);

        // Sub-delimiters and : @ are legal inside a segment (RFC 3986 pchar); the slash, % and space are what must be escaped.
        Assert.Equal("/api/brands/42/crm/entries/a%20b:c@d;e=f/x%25y", new Uri(Assert.Single(stub.Requests).RequestMessage!.AbsoluteUrl).AbsolutePath);
    }

    [Fact]
    public async Task SendAsync_EmptyBody_UndefinedElement()
    {
        using var stub = new CrmStub().Respond("DELETE", "/api/brands/42/crm/automations/9", 204);

        var response = await stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Delete, "automations/9"), Ct);

        Assert.Equal(JsonValueKind.Undefined, response.Value.ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_PostFailsWith503_NeverResentButGetIs()
    {
        using var stub = new CrmStub();
        stub.Sequence("POST", Status(503));
        stub.Sequence("GET", Status(503), Ok());

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Post, "automations") { Body = new JsonObject() }, Ct));
        var got = await stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Get, "automations/1"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(1, stub.Requests.Count(r => r.RequestMessage!.Method == "POST"));
        Assert.Equal(2, got.Attempts);
    }

    [Fact]
    public async Task SendAsync_PatchRefusedWith429_RetriedBecauseNothingWasProcessed()
    {
        using var stub = new CrmStub();
        stub.Sequence("PATCH", Status(429, retryAfter: "0"), Ok());

        var response = await stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Patch, "automations/1") { Body = new JsonObject { ["active"] = false } }, Ct);

        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Theory]
    [InlineData(404, typeof(CrmNotFoundException))]
    [InlineData(422, typeof(CrmValidationException))]
    [InlineData(401, typeof(CrmAuthenticationException))]
    public async Task SendAsync_ErrorStatus_TypedException(int status, Type expected)
    {
        using var stub = new CrmStub().RespondToAll(status, """{"message":"nope","errors":{"name":["The name field is required."]}}""");

        var ex = await Assert.ThrowsAnyAsync<CrmApiException>(() => stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Get, "automations/1"), Ct));

        Assert.IsType(expected, ex);
        Assert.Equal("nope", ex.ApiMessage);
        Assert.Equal("/api/brands/42/crm/automations/1", ex.Error.Path);
        Assert.Equal("/api/brands/{brand}/crm/{**path}", ex.Error.PathTemplate);
    }

    [Fact]
    public async Task SendAsync_BodyLargerThanCap_FormatExceptionWithoutReadingIt()
    {
        using var stub = new CrmStub(o => o.MaxResponseContentBytes = 64).RespondToAll(200, "[" + string.Join(',', Enumerable.Repeat("1", 100)) + "]");

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Get, "big"), Ct));

        Assert.Contains("more than the 64 bytes the SDK reads", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WithListener_SpanNamedAfterTheRawOperation()
    {
        using var stub = new CrmStub().RespondToAll(200, "{}");
        var port = new Uri(stub.Server.Url!).Port;
        var spans = new ConcurrentQueue<Activity>();
        using var listener = SpanListener.Listen(spans, port);

        await stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Put, "automations/1") { Body = new JsonObject() }, Ct);

        var span = Assert.Single(spans);
        Assert.Equal("Raw.Put", span.DisplayName);
        Assert.Equal("PUT", span.GetTagItem("http.request.method"));
        Assert.Equal("/api/brands/{brand}/crm/{**path}", span.GetTagItem("url.template"));
    }

    public static TheoryData<string> HostilePaths() =>
    [
        "https://evil.example/x", "http://127.0.0.1/x", "//evil.example/x", "/entities", "\\\\evil\\x", "javascript:alert(1)",
        "..", ".", "entities/../../users", "entities/./1", "%2e%2e/users", "entities/%2E%2E", "%252e%252e/x", "a%2fb", "a%2Fb", "a%5cb",
        "entities\\1", "entities/1?per_page=1000", "entities/1#frag", "entities/%3F", "entities//1", "entities/1/", "entities/\u0001",
        "entities/\r\nHost: evil", "entities/\ud800", "", " ", "entities/%0d%0a",
    ];

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public void CrmRawRequest_HostilePath_RefusedWhenCreated(string path)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new CrmRawRequest(HttpMethod.Get, path));

        Assert.Equal("path", ex.ParamName);
    }

    [Fact]
    public async Task SendAsync_GetWithBodyOrUnknownMethod_RefusedWithoutSending()
    {
        using var stub = new CrmStub().RespondToAll(200, "{}");

        var body = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Get, "x") { Body = new JsonObject() }, Ct));
        var method = Assert.Throws<ArgumentException>(() => new CrmRawRequest(HttpMethod.Head, "x"));
        var nullQuery = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.SendAsync(new CrmRawRequest(HttpMethod.Get, "x") { Query = { [string.Empty] = "v" } }, Ct));

        Assert.Equal("request", body.ParamName);
        Assert.Equal("method", method.ParamName);
        Assert.Equal("request", nullQuery.ParamName);
        Assert.Empty(stub.Requests);
    }

    public sealed record Automation(long Id, string Name);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RawRequestTests.Automation))]
internal sealed partial class RawTestJsonContext : JsonSerializerContext;
