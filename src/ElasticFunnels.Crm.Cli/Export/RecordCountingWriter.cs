using System.Text;

namespace ElasticFunnels.Crm.Cli.Export;

/// <summary>
/// Passes an export through to its destination and counts the complete records written (a CSV line end
/// outside quotes, or a JSON Lines line end), so Ctrl-C can report exactly what the file holds. Each
/// write the export starts is finished even if the token is cancelled meanwhile: cancellation then takes
/// effect between pages, and the file never ends with half a row.
/// </summary>
internal sealed class RecordCountingWriter(TextWriter inner, bool csv) : TextWriter
{
    private bool _inQuotes;
    private long _records;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Complete records written, a CSV header included.</summary>
    public long Records => Interlocked.Read(ref _records);

    public override void Write(char value)
    {
        Count(new ReadOnlySpan<char>(in value));
        inner.Write(value);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Count(buffer);
        inner.Write(buffer);
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override Task WriteAsync(char value) => WriteAsync(new ReadOnlyMemory<char>([value]), CancellationToken.None);

    public override Task WriteAsync(string? value) => WriteAsync(value.AsMemory(), CancellationToken.None);

    public override Task WriteAsync(char[] buffer, int index, int count) => WriteAsync(buffer.AsMemory(index, count), CancellationToken.None);

    public override async Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        await inner.WriteAsync(buffer, CancellationToken.None);
    }

    public override async Task WriteAsync(StringBuilder? value, CancellationToken cancellationToken = default)
    {
        if (value is null)
        {
            return;
        }

        foreach (var chunk in value.GetChunks())
        {
            await WriteAsync(chunk, CancellationToken.None);
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(CancellationToken.None);

    public override Task FlushAsync() => inner.FlushAsync(CancellationToken.None);

    public override void Flush() => inner.Flush();

    private void Count(ReadOnlySpan<char> text)
    {
        var records = 0;
        foreach (var c in text)
        {
            if (csv && c == '"')
            {
                _inQuotes = !_inQuotes;
            }
            else if (c == '\n' && !_inQuotes)
            {
                records++;
            }
        }

        Interlocked.Add(ref _records, records);
    }
}
