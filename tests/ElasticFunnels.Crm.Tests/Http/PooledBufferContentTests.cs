using System.Net;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// A buffered response body as anyone holding the response reads it: exactly the bytes received (never the
/// rest of the rented array), in every way HttpContent is read, and its array goes back to the pool once.
/// </summary>
public sealed class PooledBufferContentTests
{
    private const string Body = """{"id":1}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A content over a rented array larger than the body, the rest of it filled with noise.</summary>
    private static (PooledBufferContent Content, CountingArrayPool Pool) Create()
    {
        var pool = new CountingArrayPool();
        var array = pool.Rent(64);
        array.AsSpan().Fill((byte)'#');
        var length = Encoding.UTF8.GetBytes(Body, array);
        return (new PooledBufferContent(array, length, pool), pool);
    }

    [Fact]
    public async Task ReadAsStringAsync_BufferLargerThanBody_ExactlyTheBody()
    {
        var (content, _) = Create();
        using var _ = content;

        Assert.Equal(Body, await content.ReadAsStringAsync(Ct));
        Assert.Equal(Body.Length, content.Headers.ContentLength);
    }

    [Fact]
    public async Task CopyTo_EveryWay_ExactlyTheBody()
    {
        var (content, _) = Create();
        using var _ = content;
        using var asyncCopy = new MemoryStream();
        using var syncCopy = new MemoryStream();

        await content.CopyToAsync(asyncCopy, Ct);
        content.CopyTo(syncCopy, null, Ct);

        Assert.Equal(Body, Encoding.UTF8.GetString(asyncCopy.ToArray()));
        Assert.Equal(Body, Encoding.UTF8.GetString(syncCopy.ToArray()));
    }

    [Fact]
    public async Task ReadAsStreamAsync_BufferLargerThanBody_ExactlyTheBodyReadOnly()
    {
        var (content, _) = Create();
        using var _ = content;

        await using var stream = await content.ReadAsStreamAsync(Ct);
        using var reader = new StreamReader(stream);

        Assert.False(stream.CanWrite);
        Assert.Equal(Body, await reader.ReadToEndAsync(Ct));
    }

    [Fact]
    public void ReadAsStream_BufferLargerThanBody_ExactlyTheBody()
    {
        var (content, _) = Create();
        using var _ = content;

        using var stream = content.ReadAsStream(Ct);
        using var reader = new StreamReader(stream);

        Assert.Equal(Body, reader.ReadToEnd());
    }

    [Fact]
    public void Dispose_Twice_ArrayReturnedOnceAndNoLongerReadable()
    {
        var (content, pool) = Create();

        content.Dispose();
        content.Dispose();

        Assert.Equal(1, pool.Returned);
        Assert.Equal(0, pool.ForeignReturns);
        Assert.Throws<ObjectDisposedException>(() => content.Span.Length);
    }

    [Fact]
    public async Task Response_DisposedAfterSuccessfulCall_EveryBufferBackInThePool()
    {
        var pool = new CountingArrayPool();
        var handler = new AnsweringHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Replies.EntityJson, Encoding.UTF8, "application/json") });
        using var client = new ElasticFunnelsCrmClient(CrmClientRuntime.Create(TestOptions.For(new Uri("https://api.example.test/api/")), bufferPool: pool), handler, disposeHandler: true);

        for (var i = 0; i < 3; i++)
        {
            await client.Entities.GetAsync(1, Ct);
            await client.Entities.DeleteAsync(1, Ct);
        }

        Assert.Equal(6, pool.Returned);
        Assert.Equal(0, pool.Outstanding);
    }
}
