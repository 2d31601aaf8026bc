using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// 2000 creates against the emulator with 20 ms of latency per request: one at a time (the baseline)
/// versus <see cref="IEntriesClient.CreateManyAsync"/> with 16 in flight. Target: at least 12× faster,
/// never more than 16 requests in flight (the emulator measures it; printed after each run).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class BulkCreateBenchmarks
{
    private const int Creates = 2000;
    private CrmEmulator _emulator = null!;
    private ElasticFunnelsCrmClient _crm = null!;
    private long _entityId;
    private long _pipelineId;
    private long _stageId;

    [IterationSetup]
    public void Setup()
    {
        _emulator = new CrmEmulator();
        _crm = new ElasticFunnelsCrmClient(
            new ElasticFunnelsCrmOptions { AccessKey = _emulator.AccessKey, BrandId = _emulator.BrandId, BaseAddress = _emulator.BaseAddress },
            _emulator.CreateHandler(),
            disposeHandler: true);
        var entity = _crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" }).GetAwaiter().GetResult();
        var full = _crm.Entities.GetAsync(entity.Id).GetAwaiter().GetResult();
        (_entityId, _pipelineId, _stageId) = (full.Id, full.Pipelines[0].Id, full.Pipelines[0].Stages[0].Id);
        _emulator.Latency = TimeSpan.FromMilliseconds(20);
    }

    [IterationCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// entries={_emulator.EntryCount(_entityId)} max-in-flight={_emulator.MaxConcurrentRequests}");
        _crm.Dispose();
        _emulator.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task Sequential()
    {
        foreach (var request in Requests())
        {
            await _crm.Entries.CreateAsync(_entityId, request).ConfigureAwait(false);
        }
    }

    [Benchmark]
    public async Task<int> Concurrency16()
    {
        var result = await _crm.Entries.CreateManyAsync(_entityId, Requests(), new BulkOptions { MaxConcurrency = 16 }).ConfigureAwait(false);
        return result.Succeeded;
    }

    private IEnumerable<EntryCreateRequest> Requests()
    {
        for (var i = 0; i < Creates; i++)
        {
            yield return new EntryCreateRequest
            {
                Title = $"Lead {i}",
                PipelineId = _pipelineId,
                StageId = _stageId,
                Values = new Dictionary<string, FieldValue> { ["email"] = $"lead{i}@example.com" },
            };
        }
    }
}
