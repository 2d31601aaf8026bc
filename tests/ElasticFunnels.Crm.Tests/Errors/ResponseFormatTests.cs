using System.Net;
using System.Text.Json;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Errors;

/// <summary>A success status whose body is not the expected JSON is a <see cref="CrmResponseFormatException"/>: never null, never a bare JsonException.</summary>
public sealed class ResponseFormatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Bodies() => new()
    {
        { "empty", "", "with an empty body or JSON null; the SDK expected a JSON object (CrmEntity)." },
        { "null", "null", "with an empty body or JSON null; the SDK expected a JSON object (CrmEntity)." },
        { "wrapped null", """{"data": null}""", "with an empty body or JSON null; the SDK expected a JSON object (CrmEntity)." },
        { "html", "<html><body>Sign in</body></html>", "with a body that is not JSON ('<' is an invalid start of a value." },
        { "truncated", """{"id": 1, "name": "Lea""", "with JSON of another shape, or cut short (" },
        { "array", "[1, 2]", "with JSON of another shape, or cut short (Expected a JSON object for CrmEntity but found StartArray.)" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task GetAsync_SuccessWithUnusableBody_ThrowsFormatExceptionNamingTheRequest(string name, string body, string expected)
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1", 200, body);

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.StartsWith("GET /api/brands/42/crm/entities/1 answered 200 ", ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("GET", ex.Error.Method);
        Assert.Equal("/api/brands/{brand}/crm/entities/{entity}", ex.Error.PathTemplate);
        Assert.True(ex.InnerException is null or JsonException, name);
        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("""{"entities": 3}""")]
    public async Task ListAsync_SuccessWithoutList_ThrowsFormatException(string body)
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", 200, body);

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => stub.Client.Entities.ListAsync(Ct));

        Assert.StartsWith("GET /api/brands/42/crm/entities answered 200 with ", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n")]
    [InlineData("null")]
    public async Task ListAsync_EmptyOrNullBody_SaysWhichListWasExpected(string body)
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", 200, body);

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => stub.Client.Entities.ListAsync(Ct));

        Assert.Equal("GET /api/brands/42/crm/entities answered 200 with an empty body or JSON null; the SDK expected a JSON array of CrmEntity.", ex.Message);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public async Task ListAsync_NullBody_ThrowsFormatException()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1/entries", 200, "null");

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => stub.Client.Entries.ListAsync(1, cancellationToken: Ct));

        Assert.Equal("GET /api/brands/42/crm/entities/1/entries answered 200 with an empty body or JSON null; the SDK expected a JSON object with a page of entries (data, current_page, last_page, per_page, total).", ex.Message);
    }

    [Fact]
    public async Task CreateAsync_201WithTruncatedBody_ThrowsFormatExceptionAndDoesNotResend()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities", 201, """{"id": 7, "na""");

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => stub.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads" }, Ct));

        Assert.Equal(HttpStatusCode.Created, ex.StatusCode);
        Assert.Equal("""{"id": 7, "na""", ex.Error.BodySnippet);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task DeleteAsync_204WithoutBody_Succeeds()
    {
        using var stub = new CrmStub().Respond("DELETE", "/api/brands/42/crm/entities/1", 204);

        await stub.Client.Entities.DeleteAsync(1, Ct);

        stub.AssertSent("DELETE", "/api/brands/42/crm/entities/1");
    }
}
