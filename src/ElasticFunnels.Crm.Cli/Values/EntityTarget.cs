using System.Globalization;
using ElasticFunnels.Crm.Cli.App;

namespace ElasticFunnels.Crm.Cli.Values;

/// <summary>
/// An entity with what writing entries to it needs: its fields (the schema values are checked against),
/// its pipelines with their stages, and where an entry goes when nothing says otherwise.
/// </summary>
internal sealed class EntityTarget
{
    private EntityTarget(CrmEntity entity, EntitySchema schema, IReadOnlyList<Pipeline> pipelines)
    {
        Entity = entity;
        Schema = schema;
        Pipelines = pipelines;
    }

    public CrmEntity Entity { get; }

    public EntitySchema Schema { get; }

    /// <summary>With their stages in order.</summary>
    public IReadOnlyList<Pipeline> Pipelines { get; }

    public bool IsDataMode => Entity.Mode == EntityMode.Data;

    public string Label => $"'{Entity.Slug ?? Entity.Name}' ({Entity.Id})";

    public static async Task<EntityTarget> LoadAsync(CommandContext context, string idOrSlug, CancellationToken ct)
    {
        var entity = await context.EntityAsync(idOrSlug, ct);
        var schema = await context.Api.GetSchemaAsync(entity.Id, ct);
        var pipelines = new List<Pipeline>();
        if (entity.Mode != EntityMode.Data)
        {
            foreach (var pipeline in entity.Pipelines.Count > 0 ? entity.Pipelines : await context.Api.ListPipelinesAsync(entity.Id, ct))
            {
                pipelines.Add(pipeline.Stages.Count > 0 ? pipeline : await context.Api.GetPipelineAsync(pipeline.Id, ct));
            }
        }

        return new EntityTarget(entity, schema, pipelines);
    }

    public IEnumerable<Stage> StagesOf(Pipeline pipeline) => pipeline.Stages.OrderBy(s => s.Position ?? int.MaxValue).ThenBy(s => s.Id);

    /// <summary>
    /// Where a new entry goes: the pipeline and stage named by id or name, a stage alone (its pipeline
    /// follows), a pipeline alone (its first stage), or the default pipeline's first stage.
    /// </summary>
    public (long? PipelineId, long? StageId) Placement(string? pipelineText, string? stageText)
    {
        if (IsDataMode)
        {
            return pipelineText is null && stageText is null
                ? (null, null)
                : throw new CliUsageException($"Entity {Label} is in data mode: its entries have no pipeline or stage.");
        }

        var pipeline = pipelineText is null ? null : FindPipeline(pipelineText);
        if (stageText is not null)
        {
            var candidates = pipeline is null ? Pipelines : [pipeline];
            var stage = candidates.SelectMany(StagesOf).FirstOrDefault(s => Matches(s.Id, s.Name, stageText))
                ?? throw new CliUsageException($"No stage '{stageText}' in {(pipeline is null ? $"entity {Label}" : $"pipeline '{pipeline.Name}'")}; stages: {string.Join(", ", candidates.SelectMany(StagesOf).Select(s => $"{s.Id} {s.Name}"))}.");
            return (pipeline?.Id ?? stage.PipelineId ?? Pipelines.First(p => p.Stages.Contains(stage)).Id, stage.Id);
        }

        pipeline ??= Pipelines.FirstOrDefault(p => p.IsDefault == true) ?? (Pipelines.Count > 0 ? Pipelines[0] : null)
            ?? throw new CliUsageException($"Entity {Label} has no pipeline; create one with `efcrm pipelines create`.");
        var first = StagesOf(pipeline).FirstOrDefault()
            ?? throw new CliUsageException($"Pipeline '{pipeline.Name}' has no stages; create one with `efcrm stages create`.");
        return (pipeline.Id, first.Id);
    }

    /// <summary>Why a pipeline/stage pair read from a file cannot take an entry of this entity; null when it can.</summary>
    public string? PlacementProblem(long? pipelineId, long? stageId)
    {
        if (IsDataMode)
        {
            return pipelineId is null && stageId is null ? null : $"entity {Label} is in data mode: pipeline_id and stage_id must be empty.";
        }

        var pipeline = Pipelines.FirstOrDefault(p => p.Id == pipelineId);
        if (pipeline is null)
        {
            return $"pipeline {pipelineId} is not a pipeline of entity {Label} (pipelines: {string.Join(", ", Pipelines.Select(p => p.Id))}).";
        }

        return pipeline.Stages.Any(s => s.Id == stageId)
            ? null
            : $"stage {stageId} is not a stage of pipeline {pipeline.Id} '{pipeline.Name}' (stages: {string.Join(", ", StagesOf(pipeline).Select(s => s.Id))}).";
    }

    public Stage? FindStage(long stageId) => Pipelines.SelectMany(p => p.Stages).FirstOrDefault(s => s.Id == stageId);

    private Pipeline FindPipeline(string text) =>
        Pipelines.FirstOrDefault(p => Matches(p.Id, p.Name, text))
        ?? throw new CliUsageException($"No pipeline '{text}' in entity {Label}; pipelines: {string.Join(", ", Pipelines.Select(p => $"{p.Id} {p.Name}"))}.");

    private static bool Matches(long id, string name, string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) ? id == wanted : string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase);
}
