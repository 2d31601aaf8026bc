using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// A type of record tracked in the CRM (e.g. Leads, Deals). Listing entities returns the counts;
/// getting one returns its <see cref="Pipelines"/> (with stages) and <see cref="Fields"/>.
/// </summary>
public sealed class CrmEntity
{
    private readonly IReadOnlyList<Pipeline> _pipelines = [];
    private readonly IReadOnlyList<CustomField> _fields = [];
    private readonly EntityMode? _mode;

    /// <summary>The entity id.</summary>
    public long Id { get; init; }

    /// <summary>The display name, e.g. <c>Leads</c>.</summary>
    public string Name { get => field ?? string.Empty; init; }

    /// <summary>The URL-safe identifier, unique per brand, e.g. <c>leads</c>.</summary>
    public string? Slug { get; init; }

    /// <summary>The singular label, e.g. <c>Lead</c>.</summary>
    public string? SingularName { get; init; }

    /// <summary>The plural label, e.g. <c>Leads</c>.</summary>
    public string? PluralName { get; init; }

    /// <summary>The icon identifier.</summary>
    public string? Icon { get; init; }

    /// <summary>The hex color.</summary>
    public string? Color { get; init; }

    /// <summary>The brand (project) the entity belongs to.</summary>
    public long? BrandId { get; init; }

    /// <summary>
    /// How the entity stores entries. The API sends <c>mode</c> or <c>entity_mode</c>, or nothing,
    /// which means <see cref="EntityMode.Crm"/>.
    /// </summary>
    public EntityMode Mode { get => _mode ?? EntityMode.Crm; init => _mode = value.IsUnset ? _mode : value; }

    [JsonInclude]
    [JsonPropertyName("entity_mode")]
    internal EntityMode? EntityModeAlias { get => null; init => _mode ??= value; }

    /// <summary>The number of pipelines, when the API reports it (entity lists do).</summary>
    public int? PipelinesCount { get; init; }

    /// <summary>The number of custom fields, when the API reports it (entity lists do).</summary>
    public int? FieldsCount { get; init; }

    /// <summary>The pipelines with their stages; empty unless the entity was fetched by id.</summary>
    public IReadOnlyList<Pipeline> Pipelines { get => _pipelines; init => _pipelines = value ?? []; }

    /// <summary>The custom fields; empty unless the entity was fetched by id.</summary>
    public IReadOnlyList<CustomField> Fields { get => _fields; init => _fields = value ?? []; }

    /// <summary>When the entity was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the entity was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"CrmEntity {Id} {Name} ({Mode})";
}
