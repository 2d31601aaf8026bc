using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// What reading a success body costs in pooled memory: a declared length of exactly the cap is one rental of
/// the cap plus one byte; a body of unknown length starts at the cap plus one byte when the cap is small and
/// otherwise grows by doubling, never straight to the cap; a success body is not cut at the 64 KiB of error
/// bodies; and the transport's content is disposed once its bytes are copied.
/// </summary>
public sealed class ResponseBufferGrowthTests
{
    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ElasticFunnelsCrmClient Client(AnsweringHandler handler, CountingArrayPool pool, long cap) =>
        new(CrmClientRuntime.Create(TestOptions.For(BaseAddress, o => { TestOptions.NoRetries(o); o.MaxResponseContentBytes = cap; }), bufferPool: pool), handler, disposeHandler: true);

    private static byte[] EntityBody(int size) => Encoding.UTF8.GetBytes(Replies.EntityJson.PadRight(size));

    private static AnsweringHandler Answer(byte[] body, long? declaredLength) =>
        new(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new TrickleStream(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json"), ContentLength = declaredLength } },
        });

    [Fact]
    public async Task GetAsync_DeclaredLengthOfExactlyTheCap_OneBufferOfTheCapPlusOneByte()
    {
        var pool = new CountingArrayPool();
        using var client = Client(Answer(EntityBody(40_000), 40_000), pool, cap: 40_000);

        var entity = await client.Entities.GetAsync(1, Ct);

        Assert.Equal("Leads", entity.Name);
        Assert.Equal([40_001], pool.Rentals);
        Assert.Equal(0, pool.Outstanding);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1_000)]
    public async Task GetAsync_UndeclaredBodyWithACapBelow16KiB_OneBufferOfTheCapPlusOneByte(int size)
    {
        var pool = new CountingArrayPool();
        using var client = Client(Answer(EntityBody(Math.Max(size, Replies.EntityJson.Length)), null), pool, cap: 1_000);

        var entity = await client.Entities.GetAsync(1, Ct);

        Assert.Equal("Leads", entity.Name);
        Assert.Equal([1_001], pool.Rentals);
        Assert.Equal(0, pool.Outstanding);
    }

    [Fact]
    public async Task GetAsync_UndeclaredBodyFarBelowTheCap_BufferGrowsByDoublingNotToTheCap()
    {
        var pool = new CountingArrayPool();
        using var client = Client(Answer(EntityBody(20_000), null), pool, cap: 1024 * 1024);

        await client.Entities.GetAsync(1, Ct);

        Assert.Equal([16 * 1024, 32 * 1024], pool.Rentals);
        Assert.Equal(0, pool.Outstanding);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAsync_SuccessBodyLargerThan64KiB_ReadWhole(bool declared)
    {
        const int Size = 100_000;
        var pool = new CountingArrayPool();
        using var client = Client(Answer(EntityBody(Size), declared ? Size : null), pool, cap: 1024 * 1024);

        var response = await client.Entities.GetWithResponseAsync(1, Ct);

        Assert.Equal("Leads", response.Value.Name);
        Assert.Equal(0, pool.Outstanding);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task GetAsync_BodyBuffered_TheTransportsContentIsDisposed(HttpStatusCode status)
    {
        var content = new DisposalRecordingContent(status == HttpStatusCode.OK ? Replies.EntityJson : """{"message":"Gone."}""");
        var pool = new CountingArrayPool();
        using var client = Client(new AnsweringHandler(_ => new HttpResponseMessage(status) { Content = content }), pool, cap: 1024 * 1024);

        if (status == HttpStatusCode.OK)
        {
            await client.Entities.GetAsync(1, Ct);
        }
        else
        {
            await Assert.ThrowsAsync<CrmNotFoundException>(() => client.Entities.GetAsync(1, Ct));
        }

        Assert.True(content.Disposed, "The transport's response content was not disposed.");
        Assert.Equal(0, pool.Outstanding);
    }

    /// <summary>A JSON body whose stream does not dispose with it, so only the content's own disposal is recorded.</summary>
    private sealed class DisposalRecordingContent(string json) : HttpContent
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(json);

        public bool Disposed { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_bytes, writable: false));

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
