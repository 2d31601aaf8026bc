using System.Buffers;
using System.Text;
using System.Text.Json;
using ElasticFunnels.Crm.Cli.Output;

namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>
/// The results file: JSON Lines, one object per data row (<c>{"row":1,"line":2,"status":"created",
/// "entry_id":"…","reference_id":"…","error":null}</c>), appended as rows finish and flushed after every
/// batch. Reading it back, the last line for a row wins and a line cut short by a crash is ignored, so
/// a killed import can always be resumed from it.
/// </summary>
internal sealed class ResultsFile : IDisposable
{
    private readonly FileStream _file;
    private readonly ArrayBufferWriter<byte> _buffer = new();

    private ResultsFile(FileStream file) => _file = file;

    public string Path => _file.Name;

    public static Dictionary<int, RowResult> Read(string path)
    {
        var results = new Dictionary<int, RowResult>();
        if (!File.Exists(path))
        {
            return results;
        }

        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (Parse(line) is { } result)
            {
                results[result.Row] = result;
            }
        }

        return results;
    }

    public static ResultsFile Open(string path, bool append)
    {
        var file = new FileStream(path, append ? FileMode.OpenOrCreate : FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
        if (append && file.Length > 0)
        {
            // A line cut short by a kill stays as it is (it parses as nothing); the next line must start fresh.
            file.Seek(-1, SeekOrigin.End);
            var last = file.ReadByte();
            if (last != '\n')
            {
                file.WriteByte((byte)'\n');
            }
        }

        file.Seek(0, SeekOrigin.End);
        return new ResultsFile(file);
    }

    public void Write(RowResult result)
    {
        using (var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = CliOutput.JsonOptions.Encoder }))
        {
            json.WriteStartObject();
            json.WriteNumber("row", result.Row);
            json.WriteNumber("line", result.Line);
            json.WriteString("status", result.Status);
            json.WriteString("entry_id", result.EntryId);
            json.WriteString("reference_id", result.ReferenceId);
            json.WriteString("error", result.Error);
            json.WriteEndObject();
        }

        _buffer.Write("\n"u8);
    }

    /// <summary>Writes what is buffered and makes it durable: after this, a kill loses none of it.</summary>
    public async Task FlushAsync()
    {
        await _file.WriteAsync(_buffer.WrittenMemory, CancellationToken.None);
        _buffer.ResetWrittenCount();
        await _file.FlushAsync(CancellationToken.None);
    }

    public void Dispose() => _file.Dispose();

    private static RowResult? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("row", out var row) || !row.TryGetInt32(out var number)
                || !root.TryGetProperty("status", out var status) || status.GetString() is not (RowResult.Created or RowResult.Updated or RowResult.Failed))
            {
                return null;
            }

            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var lineNumber = root.TryGetProperty("line", out var l) && l.TryGetInt32(out var n) ? n : 0;
            return new RowResult(number, lineNumber, status.GetString()!, Text("entry_id"), Text("reference_id"), Text("error"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
