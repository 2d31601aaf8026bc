using ElasticFunnels.Crm;

namespace CrmCli;

/// <summary>The entity a command works on, found by slug (created from the preset of the same name when missing, for import).</summary>
public sealed record CliTarget(CrmEntity Entity, Pipeline? Pipeline, IReadOnlyList<Stage> Stages, IReadOnlyList<CustomField> Fields)
{
    public static async Task<CliTarget> FindAsync(IElasticFunnelsCrmClient crm, string slug, bool createFromPreset, TextWriter log, CancellationToken cancellationToken)
    {
        var entities = await crm.Entities.ListAsync(cancellationToken);
        var id = entities.FirstOrDefault(e => e.Slug == slug)?.Id;
        if (id is null)
        {
            var presets = createFromPreset ? await crm.Presets.ListAsync(cancellationToken) : [];
            if (presets.FirstOrDefault(p => p.Key == slug) is not { } preset)
            {
                throw new InvalidOperationException($"There is no entity with the slug '{slug}'.");
            }

            var name = preset.Label ?? slug;
            id = (await crm.Entities.CreateAsync(new EntityCreateRequest { Name = name, Slug = slug, Preset = preset.Key }, cancellationToken)).Id;
            log.WriteLine($"Created entity '{name}' ({id}) from the '{preset.Key}' preset.");
        }

        var entity = await crm.Entities.GetAsync(id.Value, cancellationToken);
        var pipeline = entity.Pipelines.OrderByDescending(p => p.IsDefault == true).ThenBy(p => p.Id).FirstOrDefault();
        IReadOnlyList<Stage> stages = pipeline is null ? [] : pipeline.Stages.Count > 0 ? pipeline.Stages : await crm.Stages.ListAsync(pipeline.Id, cancellationToken);
        var fields = entity.Fields.Count > 0 ? entity.Fields : await crm.Fields.ListAsync(entity.Id, cancellationToken);
        return new CliTarget(entity, pipeline, [.. stages.OrderBy(s => s.Position ?? int.MaxValue).ThenBy(s => s.Id)], fields);
    }

    /// <summary>The stage named <paramref name="name"/> (ignoring case), or the pipeline's first stage.</summary>
    public Stage? StageNamed(string? name) =>
        (string.IsNullOrWhiteSpace(name) ? null : Stages.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
        ?? (Stages.Count > 0 ? Stages[0] : null);

    public string StageName(long? stageId) => Stages.FirstOrDefault(s => s.Id == stageId)?.Name ?? string.Empty;
}
