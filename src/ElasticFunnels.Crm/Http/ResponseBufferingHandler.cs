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
            if (success && response.Content.Headers.ContentLength is { } length && length > limit)
            {
                throw TooLarge(response, length);
            }

            var (bytes, complete) = await ReadAsync(response.Content, limit, cancellationToken).ConfigureAwait(false);
            if (!complete && success)
            {
                throw TooLarge(response, null);
            }

            response.Content = Buffered(response.Content, bytes);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<(byte[] Bytes, bool Complete)> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                while (true)
                {
                    var read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return (buffer.ToArray(), true);
                    }

                    var room = limit - buffer.Length;
                    if (read > room)
                    {
                        buffer.Write(chunk, 0, (int)room);
                        return (buffer.ToArray(), false);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    private static ByteArrayContent Buffered(HttpContent original, byte[] bytes)
    {
        var buffered = new ByteArrayContent(bytes);
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            // The length is that of the bytes kept, which ByteArrayContent computes itself.
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(name, values);
            }
        }

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
