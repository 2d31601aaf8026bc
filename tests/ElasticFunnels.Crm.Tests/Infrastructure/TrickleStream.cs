namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>
/// A response body of unknown length (not seekable, so no Content-Length) that hands out at most
/// <paramref name="chunk"/> bytes per read, like a chunked body arriving over the network; it records
/// whether it was disposed and how much was read. With <paramref name="resetAfter"/> the connection
/// "resets" (an <see cref="IOException"/>) once that many bytes were handed out.
/// </summary>
public sealed class TrickleStream(byte[] body, int chunk = 4096, int? resetAfter = null) : Stream
{
    private int _position;

    public bool Disposed { get; private set; }

    public int BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= resetAfter)
        {
            throw new IOException("Connection reset by peer");
        }

        var n = Math.Min(Math.Min(chunk, buffer.Length), body.Length - _position);
        body.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
