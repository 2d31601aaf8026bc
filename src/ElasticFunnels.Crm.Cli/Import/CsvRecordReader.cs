using System.Text;

namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>
/// Reads RFC 4180 records one at a time from a text stream: fields separated by the delimiter, quoted
/// fields holding delimiters, doubled quotes and line breaks, CRLF or LF line ends. Blank lines are
/// skipped. Leniently, a stray quote inside an unquoted field is kept as text; a quoted field still open
/// at the end of the file makes that record malformed.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private int _length;
    private int _position;
    private int _line = 1;

    /// <summary>The 1-based line the record just read starts on.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Why the record just read is malformed, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The next record's fields, or null at the end of the input.</summary>
    public async ValueTask<List<string>?> ReadAsync(CancellationToken ct)
    {
        Problem = null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldWasQuoted = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await reader.ReadAsync(_buffer.AsMemory(), ct);
                _position = 0;
                if (_length == 0)
                {
                    if (!any)
                    {
                        return null;
                    }

                    if (quoted)
                    {
                        Problem = $"a quoted field opened on line {RecordLine} is never closed";
                    }

                    fields.Add(field.ToString());
                    return fields;
                }
            }

            var c = _buffer[_position++];
            if (!any)
            {
                if (c is '\n')
                {
                    _line++;
                    continue; // a blank line
                }

                if (c is '\r')
                {
                    continue;
                }

                any = true;
                RecordLine = _line;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (await PeekAsync(ct) == '"')
                    {
                        _position++;
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldWasQuoted = false;
            }
            else if (c == '\n')
            {
                _line++;
                fields.Add(field.ToString());
                return fields;
            }
            else if (c == '\r')
            {
                if (await PeekAsync(ct) == '\n')
                {
                    _position++;
                }

                _line++;
                fields.Add(field.ToString());
                return fields;
            }
            else if (c == '"' && field.Length == 0 && !fieldWasQuoted)
            {
                quoted = true;
                fieldWasQuoted = true;
            }
            else
            {
                field.Append(c);
            }
        }
    }

    /// <summary>
    /// The delimiter a header line uses: whichever of comma, semicolon and tab occurs most outside quotes
    /// (a comma when none does), so files saved by a spreadsheet in a comma-decimal locale read as they are.
    /// </summary>
    public static char DetectDelimiter(string headerLine)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in headerLine)
        {
            switch (c)
            {
                case '"': quoted = !quoted; break;
                case ',' when !quoted: commas++; break;
                case ';' when !quoted: semicolons++; break;
                case '\t' when !quoted: tabs++; break;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    private async ValueTask<int> PeekAsync(CancellationToken ct)
    {
        if (_position == _length)
        {
            _length = await reader.ReadAsync(_buffer.AsMemory(), ct);
            _position = 0;
            if (_length == 0)
            {
                return -1;
            }
        }

        return _buffer[_position];
    }
}
