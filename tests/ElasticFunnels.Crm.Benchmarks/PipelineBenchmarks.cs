using System.Net.Http.Json;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// The SDK's full default pipeline (telemetry, resilience with timeouts and retries, body buffering
/// with a size cap, access key, Refit, tolerant models) against a hand-written <see cref="HttpClient"/>
/// call with a source-generated context, on the same in-memory handler and payloads.
/// Targets: a 100-entry page within 1.10× the time and 1.25× the allocations; one entry within 1.5× the time.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private ElasticFunnelsCrmClient _sdkPage = null!;
    private ElasticFunnelsCrmClient _sdkEntry = null!;
    private ElasticFunnelsCrmClient _sdkEntryLean = null!;
    private HttpClient _baselinePage = null!;
    private HttpClient _baselineEntry = null!;

    [GlobalSetup]
    public void Setup()
    {
        var page = Encoding.UTF8.GetBytes(Payloads.Page(100));
        var entry = Encoding.UTF8.GetBytes(Payloads.Entry(1));
        var options = new ElasticFunnelsCrmOptions { AccessKey = "bench-key", BrandId = 42, BaseAddress = new Uri("https://bench.invalid/api/") };
        _sdkPage = new ElasticFunnelsCrmClient(options, new StaticResponseHandler(page), disposeHandler: true);
        _sdkEntry = new ElasticFunnelsCrmClient(options, new StaticResponseHandler(entry), disposeHandler: true);
        var lean = new ElasticFunnelsCrmOptions { AccessKey = "bench-key", BrandId = 42, BaseAddress = new Uri("https://bench.invalid/api/") };
        lean.Retry.MaxRetryAttempts = 0;
        lean.CircuitBreaker.Enabled = false;
        _sdkEntryLean = new ElasticFunnelsCrmClient(lean, new StaticResponseHandler(entry), disposeHandler: true);
        _baselinePage = Baseline(page);
        _baselineEntry = Baseline(entry);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdkPage.Dispose();
        _sdkEntry.Dispose();
        _baselinePage.Dispose();
        _baselineEntry.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Page100")]
    public async Task<int> Page100_HandWritten()
    {
        var page = await _baselinePage.GetFromJsonAsync("brands/42/crm/entities/1/entries?per_page=100", BaselineJsonContext.Default.BaselinePage).ConfigureAwait(false);
        return page!.Data.Count;
    }

    [Benchmark]
    [BenchmarkCategory("Page100")]
    public async Task<int> Page100_Sdk()
    {
        var page = await _sdkPage.Entries.ListAsync(1, new EntryListOptions { PerPage = 100 }).ConfigureAwait(false);
        return page.Values.Count;
    }

    [Benchmark]
    [BenchmarkCategory("Entry")]
    public async Task<string> Entry_HandWritten()
    {
        var entry = await _baselineEntry.GetFromJsonAsync("brands/42/crm/entries/es-doc-id-1", BaselineJsonContext.Default.BaselineEntry).ConfigureAwait(false);
        return entry!.Id;
    }

    [Benchmark]
    [BenchmarkCategory("Entry")]
    public async Task<string> Entry_Sdk()
    {
        var entry = await _sdkEntry.Entries.GetAsync("es-doc-id-1").ConfigureAwait(false);
        return entry.Id;
    }

    [Benchmark]
    [BenchmarkCategory("Entry")]
    public async Task<string> Entry_SdkWithoutRetryAndBreaker()
    {
        var entry = await _sdkEntryLean.Entries.GetAsync("es-doc-id-1").ConfigureAwait(false);
        return entry.Id;
    }

    private static HttpClient Baseline(byte[] body)
    {
        var client = new HttpClient(new StaticResponseHandler(body)) { BaseAddress = new Uri("https://bench.invalid/api/") };
        client.DefaultRequestHeaders.Add("EF-Access-Key", "bench-key");
        client.DefaultRequestHeaders.Accept.Add(new("application/json"));
        return client;
    }
}
