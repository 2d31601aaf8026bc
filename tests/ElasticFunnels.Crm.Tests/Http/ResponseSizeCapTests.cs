using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// The size cap at its edges (exactly the cap, one byte more, with and without Content-Length), the 64 KiB
/// cut of error bodies, and the memory it costs: every pooled buffer goes back, and the original response
/// content is disposed, whether the call succeeds or fails.
/// </summary>
public sealed class ResponseSizeCapTests
{
    private const long Cap = 40_000; // more than the 16 KiB first read, so a body of unknown length grows its buffer

    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ElasticFunnelsCrmClient Client(AnsweringHandler handler, CountingArrayPool pool, long cap = Cap) =>
        new(CrmClientRuntime.Create(TestOptions.For(BaseAddress, o => { TestOptions.NoRetries(o); o.MaxResponseContentBytes = cap; }), bufferPool: pool), handler, disposeHandler: true);

    /// <summary>An entity as JSON, padded with spaces to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] EntityBody(long size) => Encoding.UTF8.GetBytes(Replies.EntityJson.PadRight((int)size));

    /// <summary>An error body whose message fills it to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] ErrorBody(long size)
    {
        const string Shell = """{"message":""}""";
        return Encoding.UTF8.GetBytes(Shell.Insert(12, new string('m', (int)size - Shell.Length)));
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, TrickleStream body, long? declaredLength) =>
        new(status) { Content = new StreamContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json"), ContentLength = declaredLength } } };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAsync_BodyOfExactlyTheCap_ReadAndEveryBufferReturned(bool declared)
    {
        var body = new TrickleStream(EntityBody(Cap));
        var pool = new CountingArrayPool();
        using var client = Client(new AnsweringHandler(_ => Answer(HttpStatusCode.OK, body, declared ? Cap : null)), pool);

        var entity = await client.Entities.GetAsync(1, Ct);

        Assert.Equal("Leads", entity.Name);
        Assert.Equal(Cap, body.BytesRead);
        Assert.True(body.Disposed, "The original response content was not disposed.");
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(0, pool.ForeignReturns);
        Assert.All(pool.Rentals, size => Assert.True(size <= Cap + 1, $"A buffer of {size} bytes was rented for a cap of {Cap}."));
    }

    [Fact]
    public async Task GetAsync_DeclaredLengthWithinTheCap_OneBufferRentedNoCopy()
    {
        var pool = new CountingArrayPool();
        using var client = Client(new AnsweringHandler(_ => Answer(HttpStatusCode.OK, new TrickleStream(EntityBody(30_000)), 30_000)), pool);

        await client.Entities.GetAsync(1, Ct);

        var rental = Assert.Single(pool.Rentals);
        Assert.True(rental <= 30_001, $"A buffer of {rental} bytes was rented for a body of 30000.");
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public async Task GetAsync_DeclaredLengthOneByteOverTheCap_FailsWithoutReadingTheBody()
    {
        var body = new TrickleStream(EntityBody(Cap + 1));
        var pool = new CountingArrayPool();
        using var client = Client(new AnsweringHandler(_ => Answer(HttpStatusCode.OK, body, Cap + 1)), pool);

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal("GET /api/brands/42/crm/entities/1 answered 200 with a body of 40001 bytes, more than the 40000 bytes the SDK reads (ElasticFunnelsCrmOptions.MaxResponseContentBytes); the rest was not read.", ex.Message);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(0, body.BytesRead);
        Assert.True(body.Disposed, "The refused response was not disposed.");
        Assert.Empty(pool.Rentals);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000_000)]
    public async Task GetAsync_UndeclaredBodyOverTheCap_FailsAfterReadingOneByteMoreThanTheCap(int over)
    {
        var body = new TrickleStream(EntityBody(Cap + over));
        var pool = new CountingArrayPool();
        using var client = Client(new AnsweringHandler(_ => Answer(HttpStatusCode.OK, body, null)), pool);

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal("GET /api/brands/42/crm/entities/1 answered 200 with a body, more than the 40000 bytes the SDK reads (ElasticFunnelsCrmOptions.MaxResponseContentBytes); the rest was not read.", ex.Message);
        Assert.Equal(Cap + 1, body.BytesRead);
        Assert.True(body.Disposed, "The refused response was not disposed.");
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(0, pool.ForeignReturns);
    }

    [Fact]
    public async Task GetAsync_ConnectionResetMidBody_EveryBufferReturned()
    {
        var body = new TrickleStream(EntityBody(Cap), resetAfter: 20_000);
        var pool = new CountingArrayPool();
        using var client = Client(new AnsweringHandler(_ => Answer(HttpStatusCode.OK, body, null)), pool);

        var ex = await Assert.ThrowsAsync<CrmConnectionException>(() => client.Entities.GetAsync(1, Ct));

        Assert.IsType<IOException>(ex.InnerException);
        Assert.True(body.Disposed, "The failed response was not disposed.");
        Assert.NotEmpty(pool.Rentals);
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(0, pool.ForeignReturns);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAsync_ErrorBodyOfExactly64KiB_MessageRead(bool declared)
    {
        const int Size = 64 * 1024;
        var pool = new CountingArrayPool();
        using var client = Client(new AnsweringHandler(_ => Answer(HttpStatusCode.BadRequest, new TrickleStream(ErrorBody(Size)), declared ? Size : null)), pool, cap: 1024 * 1024);

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal(new string('m', Size - 14), ex.Error.ApiMessage);
        Assert.Equal(0, pool.Outstanding);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAsync_ErrorBodyLargerThan64KiB_CutAt64KiBStatusStillTyped(bool declared)
    {
        const int Size = 64 * 1024 + 1;
        var body = new TrickleStream(ErrorBody(Size));
        var pool = new CountingArrayPool();
        using var client = Client(new AnsweringHandler(_ => Answer(HttpStatusCode.BadRequest, body, declared ? Size : null)), pool, cap: 1024 * 1024);

        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => client.Entities.GetAsync(1, Ct));

        // Cut short, the JSON no longer parses: the error keeps a snippet of what came.
        Assert.Null(ex.Error.ApiMessage);
        Assert.StartsWith("""{"message":"mmmm""", ex.Error.BodySnippet);
        Assert.True(body.BytesRead <= Size, $"Read {body.BytesRead} bytes of an error body.");
        Assert.All(pool.Rentals, size => Assert.True(size <= Size, $"A buffer of {size} bytes was rented for an error body."));
        Assert.Equal(0, pool.Outstanding);
        Assert.True(body.Disposed, "The error response was not disposed.");
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public async Task GetAsync_ErrorBodyWithACapBelow64KiB_CutAtTheCap(int size, bool whole)
    {
        var pool = new CountingArrayPool();
        using var client = Client(new AnsweringHandler(_ => Answer(HttpStatusCode.NotFound, new TrickleStream(ErrorBody(size)), null)), pool, cap: 1000);

        var ex = await Assert.ThrowsAsync<CrmNotFoundException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal(whole ? new string('m', size - 14) : null, ex.Error.ApiMessage);
        Assert.All(pool.Rentals, rental => Assert.True(rental <= 1001, $"A buffer of {rental} bytes was rented for a cap of 1000."));
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public async Task GetAsync_HtmlPageWithSuccessStatus_ContentTypeKeptThroughBuffering()
    {
        var pool = new CountingArrayPool();
        using var client = Client(new AnsweringHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>login</html>", Encoding.UTF8, "text/html") }), pool);

        var ex = await Assert.ThrowsAsync<CrmAuthenticationException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal("GET /api/brands/42/crm/entities/1 answered 200 with an HTML page instead of JSON; this is what the API does when the access key is missing or not accepted.", ex.Message);
        Assert.Equal(0, pool.Outstanding);
    }
}
