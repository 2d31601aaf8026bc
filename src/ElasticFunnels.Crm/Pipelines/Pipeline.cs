using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>A pipeline of an entity: an ordered list of stages that entries move through.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class Pipeline
{
    private IReadOnlyList<Stage> _stages = [];

    /// <summary>The pipeline id.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    public long Id { get; internal set; }

    /// <summary>The pipeline name, e.g. <c>Sales Pipeline</c>.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get => field ?? string.Empty; internal set; }

    /// <summary>The slug, when the API sends one.</summary>
    [JsonPropertyName("slug")]
    [JsonInclude]
    public string? Slug { get; internal set; }

    /// <summary>Whether this is the entity's default pipeline, when the API says.</summary>
    [JsonPropertyName("is_default")]
    [JsonInclude]
    public bool? IsDefault { get; internal set; }

    /// <summary>The entity the pipeline belongs to.</summary>
    [JsonPropertyName("crm_entity_id")]
    [JsonInclude]
    public long? CrmEntityId { get; internal set; }

    /// <summary>The brand (project) the pipeline belongs to.</summary>
    [JsonPropertyName("brand_id")]
    [JsonInclude]
    public long? BrandId { get; internal set; }

    /// <summary>The stages, when the API includes them (getting an entity does).</summary>
    [JsonPropertyName("stages")]
    [JsonInclude]
    public IReadOnlyList<Stage> Stages { get => _stages; internal set => _stages = value ?? []; }

    /// <summary>When the pipeline was created.</summary>
    [JsonConverter(typeof(TimestampJsonConverter))]
    [JsonPropertyName("created_at")]
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the pipeline was last updated.</summary>
    [JsonConverter(typeof(TimestampJsonConverter))]
    [JsonPropertyName("updated_at")]
    [JsonInclude]
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"Pipeline {Id} {Name}";
}
