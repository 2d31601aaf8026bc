using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// A type of record tracked in the CRM (e.g. Leads, Deals). Listing entities returns the counts;
/// getting one returns its <see cref="Pipelines"/> (with stages) and <see cref="Fields"/>.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class CrmEntity
{
    private IReadOnlyList<Pipeline> _pipelines = [];
    private IReadOnlyList<CustomField> _fields = [];
    private EntityMode? _mode;

    /// <summary>The entity id.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    public long Id { get; internal set; }

    /// <summary>The display name, e.g. <c>Leads</c>.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get => field ?? string.Empty; internal set; }

    /// <summary>The URL-safe identifier, unique per brand, e.g. <c>leads</c>.</summary>
    [JsonPropertyName("slug")]
    [JsonInclude]
    public string? Slug { get; internal set; }

    /// <summary>The singular label, e.g. <c>Lead</c>.</summary>
    [JsonPropertyName("singular_name")]
    [JsonInclude]
    public string? SingularName { get; internal set; }

    /// <summary>The plural label, e.g. <c>Leads</c>.</summary>
    [JsonPropertyName("plural_name")]
    [JsonInclude]
    public string? PluralName { get; internal set; }

    /// <summary>The icon identifier.</summary>
    [JsonPropertyName("icon")]
    [JsonInclude]
    public string? Icon { get; internal set; }

    /// <summary>The hex color.</summary>
    [JsonPropertyName("color")]
    [JsonInclude]
    public string? Color { get; internal set; }

    /// <summary>The brand (project) the entity belongs to.</summary>
    [JsonPropertyName("brand_id")]
    [JsonInclude]
    public long? BrandId { get; internal set; }

    /// <summary>
    /// How the entity stores entries. The API sends <c>mode</c> or <c>entity_mode</c>, or nothing,
    /// which means <see cref="EntityMode.Crm"/>.
    /// </summary>
    [JsonPropertyName("mode")]
    [JsonInclude]
    public EntityMode Mode { get => _mode ?? EntityMode.Crm; internal set => _mode = value.IsUnset ? _mode : value; }

    // Read-only alias: written never, so serialized output carries the one "mode".
    [JsonInclude]
    [JsonPropertyName("entity_mode")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal EntityMode? EntityModeAlias { get => null; set => _mode ??= value; }

    /// <summary>The number of pipelines, when the API reports it (entity lists do).</summary>
    [JsonPropertyName("pipelines_count")]
    [JsonInclude]
    public int? PipelinesCount { get; internal set; }

    /// <summary>The number of custom fields, when the API reports it (entity lists do).</summary>
    [JsonPropertyName("fields_count")]
    [JsonInclude]
    public int? FieldsCount { get; internal set; }

    /// <summary>The pipelines with their stages; empty unless the entity was fetched by id.</summary>
    [JsonPropertyName("pipelines")]
    [JsonInclude]
    public IReadOnlyList<Pipeline> Pipelines { get => _pipelines; internal set => _pipelines = value ?? []; }

    /// <summary>The custom fields; empty unless the entity was fetched by id.</summary>
    [JsonPropertyName("fields")]
    [JsonInclude]
    public IReadOnlyList<CustomField> Fields { get => _fields; internal set => _fields = value ?? []; }

    /// <summary>When the entity was created.</summary>
    [JsonConverter(typeof(TimestampJsonConverter))]
    [JsonPropertyName("created_at")]
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the entity was last updated.</summary>
    [JsonConverter(typeof(TimestampJsonConverter))]
    [JsonPropertyName("updated_at")]
    [JsonInclude]
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"CrmEntity {Id} {Name} ({Mode})";
}
