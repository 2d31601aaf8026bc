using ElasticFunnels.Crm.Cli.Import;

namespace ElasticFunnels.Crm.Cli.Tests;

public sealed class CsvRecordReaderTests
{
    private static async Task<List<(List<string> Cells, int Line, string? Problem)>> ReadAllAsync(string text, char delimiter = ',')
    {
        var reader = new CsvRecordReader(new StringReader(text), delimiter);
        var records = new List<(List<string>, int, string?)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } cells)
        {
            records.Add((cells, reader.RecordLine, reader.Problem));
        }

        return records;
    }

    [Fact]
    public async Task ReadAsync_Rfc4180QuotingLineBreaksAndBlankLines()
    {
        var records = await ReadAllAsync("a,b,c\r\n\"x, \"\"y\"\"\",\"two\r\nlines\",\r\n\r\n\n\"\",plain \"quote\" inside,last\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b", "c"], records[0].Cells);
        Assert.Equal(["x, \"y\"", "two\r\nlines", ""], records[1].Cells);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["", "plain \"quote\" inside", "last"], records[2].Cells);
        Assert.Equal(6, records[2].Line);
        Assert.All(records, r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task ReadAsync_NoFinalLineBreak_LastRecordRead()
    {
        var records = await ReadAllAsync("a;b\n1;2", ';');

        Assert.Equal(["1", "2"], records[1].Cells);
    }

    [Fact]
    public async Task ReadAsync_QuoteNeverClosed_RecordMarkedMalformed()
    {
        var records = await ReadAllAsync("a,b\n1,\"open\n2,3\n");

        Assert.Equal(2, records.Count);
        Assert.Equal("a quoted field opened on line 2 is never closed", records[1].Problem);
    }

    [Fact]
    public async Task ReadAsync_LongerThanTheBuffer_ReadsWhole()
    {
        var big = new string('x', 40_000);

        var records = await ReadAllAsync($"a\n\"{big}\"\n");

        Assert.Equal(big, records[1].Cells[0]);
    }

    [Theory]
    [InlineData("title,company", ',')]
    [InlineData("title;company;deal_value", ';')]
    [InlineData("title\tcompany", '\t')]
    [InlineData("\"a;b\",c", ',')]
    [InlineData("title", ',')]
    public void DetectDelimiter_TheOneTheHeaderUsesOutsideQuotes(string header, char expected) =>
        Assert.Equal(expected, CsvRecordReader.DetectDelimiter(header));
}
