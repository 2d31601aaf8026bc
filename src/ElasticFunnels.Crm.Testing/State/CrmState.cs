using System.Buffers.Text;
using System.Security.Cryptography;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// The emulator's whole data set. Every read and write happens while holding <see cref="Sync"/>;
/// one coarse lock keeps cascades and cross-resource checks trivially consistent, and requests
/// never hold it while they wait (latency is applied outside).
/// </summary>
internal sealed class CrmState
{
    private long nextEntityId;
    private long nextPipelineId;
    private long nextStageId;
    private long nextFieldId;
    private long nextEntrySequence;

    public Lock Sync { get; } = new();

    // Sorted by id so lists come back in creation order, as a SQL table ordered by primary key would.
    public SortedDictionary<long, EntityRecord> Entities { get; } = [];

    public SortedDictionary<long, PipelineRecord> Pipelines { get; } = [];

    public SortedDictionary<long, StageRecord> Stages { get; } = [];

    public SortedDictionary<long, FieldRecord> Fields { get; } = [];

    public Dictionary<string, EntryRecord> Entries { get; } = new(StringComparer.Ordinal);

    public long NextEntityId() => ++nextEntityId;

    public long NextPipelineId() => ++nextPipelineId;

    public long NextStageId() => ++nextStageId;

    public long NextFieldId() => ++nextFieldId;

    public long NextEntrySequence() => ++nextEntrySequence;

    /// <summary>A 20-character URL-safe id, shaped like an Elasticsearch auto-generated document id.</summary>
    public string NewEntryId()
    {
        Span<byte> bytes = stackalloc byte[15];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            var id = Base64Url.EncodeToString(bytes);
            if (!Entries.ContainsKey(id))
            {
                return id;
            }
        }
    }

    public void Clear()
    {
        Entities.Clear();
        Pipelines.Clear();
        Stages.Clear();
        Fields.Clear();
        Entries.Clear();
        nextEntityId = 0;
        nextPipelineId = 0;
        nextStageId = 0;
        nextFieldId = 0;
        nextEntrySequence = 0;
    }

    public IEnumerable<PipelineRecord> PipelinesOf(long entityId) =>
        Pipelines.Values.Where(p => p.EntityId == entityId);

    public IEnumerable<StageRecord> StagesOf(long pipelineId) =>
        Stages.Values.Where(s => s.PipelineId == pipelineId).OrderBy(s => s.Position).ThenBy(s => s.Id);

    public IEnumerable<FieldRecord> FieldsOf(long entityId) =>
        Fields.Values.Where(f => f.EntityId == entityId).OrderBy(f => f.Position).ThenBy(f => f.Id);

    public int EntryCount(long entityId) => Entries.Values.Count(e => e.EntityId == entityId);

    public void RemoveEntity(long entityId)
    {
        foreach (var pipeline in PipelinesOf(entityId).ToList())
        {
            RemovePipeline(pipeline.Id);
        }

        RemoveWhere(Fields, f => f.EntityId == entityId);
        RemoveEntries(e => e.EntityId == entityId);
        Entities.Remove(entityId);
    }

    public void RemovePipeline(long pipelineId)
    {
        RemoveWhere(Stages, s => s.PipelineId == pipelineId);
        RemoveEntries(e => e.PipelineId == pipelineId);
        Pipelines.Remove(pipelineId);
    }

    public void RemoveStage(long stageId)
    {
        RemoveEntries(e => e.StageId == stageId);
        Stages.Remove(stageId);
    }

    private void RemoveEntries(Func<EntryRecord, bool> predicate)
    {
        foreach (var id in Entries.Values.Where(predicate).Select(e => e.Id).ToList())
        {
            Entries.Remove(id);
        }
    }

    private static void RemoveWhere<T>(SortedDictionary<long, T> table, Func<T, bool> predicate)
    {
        foreach (var key in table.Where(pair => predicate(pair.Value)).Select(pair => pair.Key).ToList())
        {
            table.Remove(key);
        }
    }
}
