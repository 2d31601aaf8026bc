using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// What an answer that is not a usable success turns into: where success ends (299/300), a redirect's
/// address (or its absence), which bodies are read as JSON (by Content-Type, not only by their first
/// character), the snippet's 512-character edge, the 64 Ki characters read of a large HTML page, and how an
/// unreadable success body is described.
/// </summary>
public sealed class ErrorAnswerDescriptionTests
{
    private const string EntityPath = "/api/brands/42/crm/entities/1";

    private const string NeverFollows = " The SDK never follows redirects, even within the API's origin, so the access key is only ever sent to the configured BaseAddress; check BaseAddress (for example http:// where the API wants https://, or a missing /api path).";

    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ElasticFunnelsCrmClient Client(AnsweringHandler handler, Action<ElasticFunnelsCrmOptions>? configure = null) =>
        new(CrmClientRuntime.Create(TestOptions.For(BaseAddress, o => { TestOptions.NoRetries(o); configure?.Invoke(o); })), handler, disposeHandler: true);

    private static AnsweringHandler Answer(int status, string body, string contentType = "application/json", string? location = null) =>
        new(_ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8) };
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            if (location is not null)
            {
                response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
            }

            return response;
        });

    [Fact]
    public async Task GetAsync_299WithEntity_IsASuccess()
    {
        using var client = Client(Answer(299, Replies.EntityJson));

        var entity = await client.Entities.GetAsync(1, Ct);

        Assert.Equal("Leads", entity.Name);
    }

    [Fact]
    public async Task GetAsync_300WithEntityJson_IsARedirectNotASuccess()
    {
        using var client = Client(Answer(300, Replies.EntityJson, location: "https://api.example.test/api/v2/entities/1?page=2"));

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal($"GET {EntityPath} was answered with a redirect (300) to https://api.example.test/api/v2/entities/1.{NeverFollows}", ex.Message);
        Assert.Equal(HttpStatusCode.MultipleChoices, ex.StatusCode);
    }

    [Fact]
    public async Task GetAsync_RedirectWithoutLocation_SaysTheServerGaveNoAddress()
    {
        using var client = Client(Answer(302, "", "text/html"));

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal($"GET {EntityPath} was answered with a redirect (302) to an address it did not give.{NeverFollows}", ex.Message);
    }

    [Fact]
    public async Task GetAsync_RedirectToRelativeLoginPage_AddressResolvedAgainstTheRequest()
    {
        using var client = Client(Answer(302, "", "text/html", location: "/login?next=%2Fapi"));

        var ex = await Assert.ThrowsAsync<CrmAuthenticationException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal($"GET {EntityPath} was answered with a redirect (302) to https://api.example.test/login.{NeverFollows} A redirect to a login page means the access key is missing or was not accepted.", ex.Message);
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/problem+json; charset=utf-8", true)]
    [InlineData("text/plain", false)]
    public async Task GetAsync_ErrorBodyStartingWithAComment_ReadAsJsonOnlyWhenDeclaredJson(string contentType, bool json)
    {
        const string Body = """/* api */ {"message":"No such entity."}""";
        using var client = Client(Answer(404, Body, contentType));

        var ex = await Assert.ThrowsAsync<CrmNotFoundException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal(json ? "No such entity." : null, ex.ApiMessage);
        Assert.Equal(json ? null : Body, ex.Error.BodySnippet);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public async Task GetAsync_ErrorBodyOfOnlyWhitespace_StillTypedByStatus(string body)
    {
        using var client = Client(Answer(404, body, "text/plain"));

        var ex = await Assert.ThrowsAsync<CrmNotFoundException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal($"GET {EntityPath} failed with 404 (Not Found).", ex.Message);
        Assert.Null(ex.ApiMessage);
    }

    [Theory]
    [InlineData(511)]
    [InlineData(512)]
    public async Task GetAsync_NonJsonErrorBodyUpTo512Chars_SnippetIsTheWholeBody(int length)
    {
        var body = "<p>" + new string('x', length - 3);
        using var client = Client(Answer(500, body, "text/html"));

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal(body, ex.Error.BodySnippet);
    }

    [Fact]
    public async Task GetAsync_NonJsonErrorBodyOf513Chars_SnippetIsTheFirst512AndAnEllipsis()
    {
        var body = "<p>" + new string('x', 509) + "y";
        using var client = Client(Answer(500, body, "text/html"));

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal(body[..512] + "…", ex.Error.BodySnippet);
    }

    [Fact]
    public async Task CreateAsync_FieldErrorsThatAreNotStrings_KeptAsTheirJson()
    {
        using var client = Client(Answer(422, """{"errors":{"quantity":[5,"must be even",true],"limits":{"max":3}}}"""));

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads" }, Ct));

        Assert.Equal(["5", "must be even", "true"], ex.FieldErrors["quantity"]);
        Assert.Equal(["""{"max":3}"""], ex.FieldErrors["limits"]);
    }

    [Fact]
    public async Task GetAsync_SuccessStatusHtmlPageOver256KiB_ItsFirst64KiCharactersAreRead()
    {
        // A JSON message, then blanks past 64 Ki characters, then markup: only the first 64 Ki characters
        // are read, so the message is found; reading further would reach the markup and fail to parse.
        var message = new string('m', 20_000);
        var body = new StringBuilder().Append("""{"message":""").Append('"').Append(message).Append("\"}")
            .Append(' ', 100_000 - 20_015).Append("<html>").Append(' ', 200_000).ToString();
        using var client = Client(Answer(200, body, "text/html"));

        var ex = await Assert.ThrowsAsync<CrmAuthenticationException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal($"GET {EntityPath} answered 200 with an HTML page instead of JSON; this is what the API does when the access key is missing or not accepted.", ex.Message);
        Assert.Equal(message, ex.ApiMessage);
    }

    [Theory]
    [InlineData("\f")]
    [InlineData("\u00a0\u2003")]
    public async Task GetAsync_SuccessBodyOfOnlyNonJsonWhitespace_DescribedAsAnEmptyBody(string body)
    {
        using var client = Client(Answer(200, body));

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => client.Entities.GetAsync(1, Ct));

        Assert.StartsWith($"GET {EntityPath} answered 200 with an empty body (", ex.Message);
        Assert.EndsWith("); the SDK expected the documented JSON.", ex.Message);
        Assert.Null(ex.Error.BodySnippet);
    }

    [Fact]
    public async Task GetAsync_UnreadableSuccessBodyOver2KiB_SnippetIsItsFirst512Chars()
    {
        var body = "<html>" + new string('x', 3000) + "</html>";
        using var client = Client(Answer(200, body));

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => client.Entities.GetAsync(1, Ct));

        Assert.StartsWith($"GET {EntityPath} answered 200 with a body that is not JSON (", ex.Message);
        Assert.Equal(body[..512] + "…", ex.Error.BodySnippet);
    }

    [Fact]
    public async Task GetAsync_TooLargeBodyAfterARetry_ResponseCountsBothAttempts()
    {
        var answers = 0;
        var handler = new AnsweringHandler(_ => Interlocked.Increment(ref answers) == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"message":"Busy."}""", Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[2_001]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } });
        using var client = new ElasticFunnelsCrmClient(
            CrmClientRuntime.Create(TestOptions.For(BaseAddress, o => { o.RateLimit.Mode = CrmRateLimitMode.Off; o.MaxResponseContentBytes = 2_000; })), handler, disposeHandler: true);

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal($"GET {EntityPath} answered 200 with a body of 2001 bytes, more than the 2000 bytes the SDK reads (ElasticFunnelsCrmOptions.MaxResponseContentBytes); the rest was not read.", ex.Message);
        Assert.Equal(2, handler.Requests);
        Assert.Equal(2, ex.RawResponse!.Attempts);
        Assert.Equal(HttpStatusCode.OK, ex.RawResponse.StatusCode);
        Assert.Equal("The response body is larger than MaxResponseContentBytes.", ex.InnerException!.Message);
    }
}
