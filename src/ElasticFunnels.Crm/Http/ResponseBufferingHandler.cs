using System.Buffers;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Reads the whole response body inside the attempt, so that the attempt and call timeouts (and the
/// caller's token) cover the body and not only the headers, and so that no call can hang on a server
/// that stops sending. Reads are capped: a success body larger than
/// <see cref="ElasticFunnelsCrmOptions.MaxResponseContentBytes"/> fails the call; an error body is cut
/// at 64 KiB, enough for any error message, so its status still reaches the retry classifier. The limit
/// and the pool are those of the request's client (<paramref name="runtime"/> when the chain serves one).
/// </summary>
internal sealed class ResponseBufferingHandler(CrmClientRuntime? runtime) : DelegatingHandler
{
    internal const int MaxErrorBodyBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var client = CrmCall.RuntimeOf(request, runtime);
        var maxBytes = client.Options.MaxResponseContentBytes;
        var pool = client.BufferPool;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var success = response.IsSuccessStatusCode;
            var limit = success ? maxBytes : Math.Min(maxBytes, MaxErrorBodyBytes);
            if (success && response.Content.Headers.ContentLength is { } declared && declared > limit)
            {
                throw new ResponseTooLargeException(response.StatusCode, declared, maxBytes);
            }

            var (buffer, length, complete) = await ReadAsync(response.Content, limit, response.Content.Headers.ContentLength, pool, cancellationToken).ConfigureAwait(false);
            if (!complete && success)
            {
                pool.Return(buffer);
                throw new ResponseTooLargeException(response.StatusCode, null, maxBytes);
            }

            response.Content = Buffered(response.Content, buffer, length, pool);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes into a pooled array: sized from Content-Length when
    /// the server sends one (one rent, no copy), grown by doubling otherwise.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length, bool Complete)> ReadAsync(HttpContent content, long limit, long? expectedLength, ArrayPool<byte> pool, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var initial = expectedLength is { } expected && expected <= limit ? (int)Math.Max(expected + 1, 16) : (int)Math.Min(16 * 1024, limit + 1);
            var buffer = pool.Rent(initial);
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        // One byte more than the limit tells a body of exactly the limit from a larger one.
                        var grown = pool.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                        buffer.AsSpan(0, length).CopyTo(grown);
                        pool.Return(buffer);
                        buffer = grown;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return (buffer, length, true);
                    }

                    length += read;
                    if (length > limit)
                    {
                        return (buffer, (int)limit, false);
                    }
                }
            }
            catch
            {
                pool.Return(buffer);
                throw;
            }
        }
    }

    private static PooledBufferContent Buffered(HttpContent original, byte[] buffer, int length, ArrayPool<byte> pool)
    {
        // Only the media type matters once the body is read: encodings are already undone and the
        // length is that of the bytes kept, which the buffered content reports itself.
        var buffered = new PooledBufferContent(buffer, length, pool);
        buffered.Headers.ContentType = original.Headers.ContentType;
        original.Dispose();
        return buffered;
    }
}
