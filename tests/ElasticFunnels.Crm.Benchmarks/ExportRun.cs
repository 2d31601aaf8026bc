namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>One export of <c>total</c> generated entries through the real client, to a byte-counting sink.</summary>
public static class ExportRun
{
    public static async Task<(long Rows, long Bytes, int Pages)> RunAsync(int total, string format, Action? beforePage = null)
    {
        var handler = new GeneratedEntriesHandler(total, beforePage);
        var options = new ElasticFunnelsCrmOptions { AccessKey = "bench-key", BrandId = 42, BaseAddress = new Uri("https://bench.invalid/api/") };
        using var crm = new ElasticFunnelsCrmClient(options, handler, disposeHandler: true);
        await using var sink = new CountingStream();
        var rows = format == "jsonl"
            ? await crm.Entries.ExportJsonLinesAsync(1, sink)
            : await crm.Entries.ExportCsvAsync(1, sink);
        return (rows, sink.BytesWritten, handler.PagesServed);
    }
}
