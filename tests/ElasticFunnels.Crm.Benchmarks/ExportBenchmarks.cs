using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// Time and allocation of a whole export. Allocated bytes grow with the number of entries (every page is
/// read and written); the memory that stays flat is the live heap, which <c>export-memory</c> measures.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ExportBenchmarks
{
    [Params(10_000, 100_000)]
    public int Entries { get; set; }

    [Params("csv", "jsonl")]
    public string Format { get; set; } = "csv";

    [Benchmark]
    public async Task<long> Export() => (await ExportRun.RunAsync(Entries, Format)).Rows;
}
