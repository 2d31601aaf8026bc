using System.Buffers;
using System.Net;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// A response body held in an array rented from a pool (<see cref="ArrayPool{T}.Shared"/>) and returned on
/// dispose, so buffering a body costs no allocation of its size. The SDK disposes every response once
/// the body is read, and disposing also disposes any read stream handed out, so a returned array is
/// never read again.
/// </summary>
internal sealed class PooledBufferContent : HttpContent
{
    private readonly ArrayPool<byte> _pool;
    private readonly int _length;
    private byte[]? _buffer;

    public PooledBufferContent(byte[] rentedBuffer, int length, ArrayPool<byte> pool)
    {
        _buffer = rentedBuffer;
        _length = length;
        _pool = pool;
    }

    /// <summary>The body bytes; valid until the content is disposed.</summary>
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, _length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBufferContent));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Buffer, 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Buffer.AsMemory(0, _length), cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.Write(Buffer, 0, _length);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(CreateReadStream());

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult<Stream>(CreateReadStream());

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => CreateReadStream();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            _pool.Return(buffer);
        }
    }

    private MemoryStream CreateReadStream() => new(Buffer, 0, _length, writable: false);
}
