using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>A pipeline of an entity: an ordered list of stages that entries move through.</summary>
public sealed class Pipeline
{
    private IReadOnlyList<Stage> _stages = [];

    /// <summary>The pipeline id.</summary>
    [JsonInclude]
    public long Id { get; internal set; }

    /// <summary>The pipeline name, e.g. <c>Sales Pipeline</c>.</summary>
    [JsonInclude]
    public string Name { get => field ?? string.Empty; internal set; }

    /// <summary>The slug, when the API sends one.</summary>
    [JsonInclude]
    public string? Slug { get; internal set; }

    /// <summary>Whether this is the entity's default pipeline, when the API says.</summary>
    [JsonInclude]
    public bool? IsDefault { get; internal set; }

    /// <summary>The entity the pipeline belongs to.</summary>
    [JsonInclude]
    public long? CrmEntityId { get; internal set; }

    /// <summary>The brand (project) the pipeline belongs to.</summary>
    [JsonInclude]
    public long? BrandId { get; internal set; }

    /// <summary>The stages, when the API includes them (getting an entity does).</summary>
    [JsonInclude]
    public IReadOnlyList<Stage> Stages { get => _stages; internal set => _stages = value ?? []; }

    /// <summary>When the pipeline was created.</summary>
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the pipeline was last updated.</summary>
    [JsonInclude]
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"Pipeline {Id} {Name}";
}
