using System.Buffers;
using System.Globalization;
using ElasticFunnels.Crm.Internal;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Reads the whole response body inside the attempt, so that the attempt and call timeouts (and the
/// caller's token) cover the body and not only the headers, and so that no call can hang on a server
/// that stops sending. Reads are capped: a success body larger than
/// <see cref="ElasticFunnelsCrmOptions.MaxResponseContentBytes"/> fails the call; an error body is cut
/// at 64 KiB, enough for any error message, so its status still reaches the retry classifier.
/// </summary>
internal sealed class ResponseBufferingHandler(long maxBytes) : DelegatingHandler
{
    internal const int MaxErrorBodyBytes = 64 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var record = CallRecord.Current;
        record?.OnSending(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            record?.OnResponse(response);
            var success = response.IsSuccessStatusCode;
            var limit = success ? maxBytes : Math.Min(maxBytes, MaxErrorBodyBytes);
            if (success && response.Content.Headers.ContentLength is { } declared && declared > limit)
            {
                throw TooLarge(response, declared);
            }

            var (buffer, length, complete) = await ReadAsync(response.Content, limit, response.Content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
            if (!complete && success)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw TooLarge(response, null);
            }

            response.Content = Buffered(response.Content, buffer, length);
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
    private static async Task<(byte[] Buffer, int Length, bool Complete)> ReadAsync(HttpContent content, long limit, long? expectedLength, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var initial = expectedLength is { } expected && expected <= limit ? (int)Math.Max(expected + 1, 16) : (int)Math.Min(16 * 1024, limit + 1);
            var buffer = ArrayPool<byte>.Shared.Rent(initial);
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        // One byte more than the limit tells a body of exactly the limit from a larger one.
                        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                        buffer.AsSpan(0, length).CopyTo(grown);
                        ArrayPool<byte>.Shared.Return(buffer);
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
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
    }

    private static PooledBufferContent Buffered(HttpContent original, byte[] buffer, int length)
    {
        // Only the media type matters once the body is read: encodings are already undone and the
        // length is that of the bytes kept, which the buffered content reports itself.
        var buffered = new PooledBufferContent(buffer, length);
        buffered.Headers.ContentType = original.Headers.ContentType;
        original.Dispose();
        return buffered;
    }

    private CrmResponseFormatException TooLarge(HttpResponseMessage response, long? length)
    {
        var error = new CrmError
        {
            StatusCode = response.StatusCode,
            Method = response.RequestMessage?.Method.Method ?? string.Empty,
            Path = CallRecord.PathOf(response.RequestMessage?.RequestUri),
        };
        error = error with { PathTemplate = RouteTemplate.FromPath(error.Path) };
        var size = length is { } bytes ? string.Create(CultureInfo.InvariantCulture, $"a body of {bytes} bytes") : "a body";
        return new CrmResponseFormatException(
            error,
            string.Create(CultureInfo.InvariantCulture, $"{error.Method} {error.Path} answered {(int)error.StatusCode} with {size}, more than the {maxBytes} bytes the SDK reads (ElasticFunnelsCrmOptions.MaxResponseContentBytes); the rest was not read."));
    }
}
