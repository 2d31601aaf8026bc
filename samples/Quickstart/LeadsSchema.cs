using ElasticFunnels.Crm;

namespace Quickstart;

/// <summary>
/// What the quickstart needs from the "leads" entity, found on the server or created there: the
/// entity, a pipeline with at least two stages (in order) and the fields it writes. It never assumes
/// what a preset created on a server it did not write.
/// </summary>
public sealed class LeadsSchema
{
    public const string EntitySlug = "leads";

    private static readonly (string Key, string Name, FieldType Type)[] NeededFields =
    [
        ("email", "Email", FieldType.Email),
        ("phone", "Phone", FieldType.Phone),
        ("lead_source", "Lead Source", FieldType.Text),
    ];

    private static readonly string[] DefaultStages = ["New Lead", "Contacted", "Qualified", "Closed Won"];

    private LeadsSchema(CrmEntity entity, Pipeline pipeline, IReadOnlyList<Stage> stages, IReadOnlyList<CustomField> fields)
    {
        Entity = entity;
        Pipeline = pipeline;
        Stages = stages;
        Fields = fields;
    }

    public CrmEntity Entity { get; }

    public Pipeline Pipeline { get; }

    /// <summary>The pipeline's stages in board order (by position, then id).</summary>
    public IReadOnlyList<Stage> Stages { get; }

    public IReadOnlyList<CustomField> Fields { get; }

    public static async Task<LeadsSchema> EnsureAsync(IElasticFunnelsCrmClient crm, TextWriter log, CancellationToken cancellationToken)
    {
        var entity = await EnsureEntityAsync(crm, log, cancellationToken);
        entity = await crm.Entities.GetAsync(entity.Id, cancellationToken);
        if (entity.Mode == EntityMode.Data)
        {
            throw new InvalidOperationException($"The entity '{EntitySlug}' (id {entity.Id}) is a data-mode entity without pipelines; the quickstart needs a CRM-mode entity.");
        }

        var fields = await EnsureFieldsAsync(crm, entity, log, cancellationToken);
        var (pipeline, stages) = await EnsurePipelineAsync(crm, entity, log, cancellationToken);
        log.WriteLine($"  schema: pipeline '{pipeline.Name}' ({pipeline.Id}) with stages {string.Join(" → ", stages.Select(s => s.Name))}; {fields.Count} fields");
        return new LeadsSchema(entity, pipeline, stages, fields);
    }

    /// <summary>
    /// A value for every field the entity requires but the quickstart knows nothing about, so a
    /// server whose leads entity demands more than e-mail and phone still accepts the entries.
    /// </summary>
    public Dictionary<string, FieldValue> PlaceholdersForRequiredFields(IReadOnlyCollection<string> provided)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var field in Fields.Where(f => f.Required && !provided.Contains(f.Key)))
        {
            values[field.Key] = Placeholder(field);
        }

        return values;
    }

    /// <summary>Fits a value to a field: a select takes the matching option (ignoring case) or nothing.</summary>
    public FieldValue? Fit(string key, string value)
    {
        var field = Fields.FirstOrDefault(f => f.Key == key);
        if (field is null)
        {
            return null;
        }

        if (field.Type == FieldType.Select || field.Type == FieldType.MultiSelect)
        {
            var option = field.Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                return null;
            }

            return field.Type == FieldType.MultiSelect ? new[] { option.Value } : option.Value;
        }

        return value;
    }

    private static FieldValue Placeholder(CustomField field)
    {
        if (field.Type == FieldType.Number) { return 0; }
        if (field.Type == FieldType.Boolean) { return false; }
        if (field.Type == FieldType.Date) { return DateOnly.FromDateTime(DateTime.UtcNow); }
        if (field.Type == FieldType.DateTime) { return DateTimeOffset.UtcNow; }
        if (field.Type == FieldType.Email) { return "quickstart@example.com"; }
        if (field.Type == FieldType.Url) { return "https://example.com"; }
        if (field.Type == FieldType.Select && field.Options.Count > 0) { return field.Options[0].Value; }
        if (field.Type == FieldType.MultiSelect && field.Options.Count > 0) { return new[] { field.Options[0].Value }; }
        return "quickstart";
    }

    private static async Task<CrmEntity> EnsureEntityAsync(IElasticFunnelsCrmClient crm, TextWriter log, CancellationToken cancellationToken)
    {
        var entities = await crm.Entities.ListAsync(cancellationToken);
        if (entities.FirstOrDefault(e => e.Slug == EntitySlug) is { } existing)
        {
            log.WriteLine($"  reusing entity '{existing.Name}' (id {existing.Id}, slug '{EntitySlug}')");
            return existing;
        }

        var presets = await crm.Presets.ListAsync(cancellationToken);
        var hasPreset = presets.Any(p => p.Key == EntitySlug);
        var created = await crm.Entities.CreateAsync(
            new EntityCreateRequest
            {
                Name = "Leads",
                Slug = EntitySlug,
                SingularName = "Lead",
                PluralName = "Leads",
                Preset = hasPreset ? EntitySlug : null,
            },
            cancellationToken);
        log.WriteLine(hasPreset
            ? $"  created entity 'Leads' (id {created.Id}) from the '{EntitySlug}' preset"
            : $"  created entity 'Leads' (id {created.Id}); the server has no '{EntitySlug}' preset, so the schema is built next");
        return created;
    }

    private static async Task<IReadOnlyList<CustomField>> EnsureFieldsAsync(IElasticFunnelsCrmClient crm, CrmEntity entity, TextWriter log, CancellationToken cancellationToken)
    {
        var fields = entity.Fields.Count > 0 ? entity.Fields.ToList() : (await crm.Fields.ListAsync(entity.Id, cancellationToken)).ToList();
        foreach (var (key, name, type) in NeededFields)
        {
            if (fields.Any(f => f.Key == key))
            {
                continue;
            }

            var field = await crm.Fields.CreateAsync(entity.Id, new FieldCreateRequest { Name = name, Key = key, Type = type }, cancellationToken);
            log.WriteLine($"  added missing field '{key}' ({type})");
            fields.Add(field);
        }

        return fields;
    }

    private static async Task<(Pipeline Pipeline, IReadOnlyList<Stage> Stages)> EnsurePipelineAsync(IElasticFunnelsCrmClient crm, CrmEntity entity, TextWriter log, CancellationToken cancellationToken)
    {
        var pipelines = entity.Pipelines.Count > 0 ? entity.Pipelines : await crm.Pipelines.ListAsync(entity.Id, cancellationToken);
        var candidates = new List<(Pipeline Pipeline, List<Stage> Stages)>();
        foreach (var pipeline in pipelines.OrderByDescending(p => p.IsDefault == true).ThenBy(p => p.Id))
        {
            // Some answers carry the stages inline, others only through the stages route.
            var stages = pipeline.Stages.Count > 0 ? pipeline.Stages : await crm.Stages.ListAsync(pipeline.Id, cancellationToken);
            candidates.Add((pipeline, Order(stages)));
        }

        if (candidates.FirstOrDefault(c => c.Stages.Count >= 2) is { Pipeline: not null } ready)
        {
            return (ready.Pipeline, ready.Stages);
        }

        var (target, existing) = candidates.Count > 0
            ? candidates[0]
            : (await crm.Pipelines.CreateAsync(entity.Id, new PipelineCreateRequest { Name = "Sales Pipeline" }, cancellationToken), []);
        if (candidates.Count == 0)
        {
            log.WriteLine($"  added missing pipeline '{target.Name}' ({target.Id})");
        }

        foreach (var name in DefaultStages.Where(n => !existing.Any(s => s.Name == n)).Take(Math.Max(0, DefaultStages.Length - existing.Count)))
        {
            var stage = await crm.Stages.CreateAsync(target.Id, new StageCreateRequest { Name = name, Position = existing.Count }, cancellationToken);
            log.WriteLine($"  added missing stage '{name}' to pipeline '{target.Name}'");
            existing.Add(stage);
        }

        return (target, existing);
    }

    private static List<Stage> Order(IEnumerable<Stage> stages) =>
        [.. stages.OrderBy(s => s.Position ?? int.MaxValue).ThenBy(s => s.Id)];
}
