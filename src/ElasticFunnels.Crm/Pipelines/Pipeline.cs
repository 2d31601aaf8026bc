namespace ElasticFunnels.Crm;

/// <summary>A pipeline of an entity: an ordered list of stages that entries move through.</summary>
public sealed class Pipeline
{
    private readonly IReadOnlyList<Stage> _stages = [];

    /// <summary>The pipeline id.</summary>
    public long Id { get; init; }

    /// <summary>The pipeline name, e.g. <c>Sales Pipeline</c>.</summary>
    public string Name { get => field ?? string.Empty; init; }

    /// <summary>The slug, when the API sends one.</summary>
    public string? Slug { get; init; }

    /// <summary>Whether this is the entity's default pipeline, when the API says.</summary>
    public bool? IsDefault { get; init; }

    /// <summary>The entity the pipeline belongs to.</summary>
    public long? CrmEntityId { get; init; }

    /// <summary>The brand (project) the pipeline belongs to.</summary>
    public long? BrandId { get; init; }

    /// <summary>The stages, when the API includes them (getting an entity does).</summary>
    public IReadOnlyList<Stage> Stages { get => _stages; init => _stages = value ?? []; }

    /// <summary>When the pipeline was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the pipeline was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Pipeline {Id} {Name}";
}
