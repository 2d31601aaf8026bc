using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>The body of a create-entity request.</summary>
public sealed class EntityCreateRequest
{
    /// <summary>Required. The display name, e.g. <c>Leads</c>.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Required. The URL-safe identifier, unique per brand: lowercase letters, digits, hyphens and
    /// underscores, e.g. <c>leads</c>.
    /// </summary>
    public string? Slug { get; set; }

    /// <summary>The singular label, e.g. <c>Lead</c>.</summary>
    public string? SingularName { get; set; }

    /// <summary>The plural label, e.g. <c>Leads</c>.</summary>
    public string? PluralName { get; set; }

    /// <summary>The icon identifier (at most 64 characters).</summary>
    public string? Icon { get; set; }

    /// <summary>The hex color (at most 64 characters).</summary>
    public string? Color { get; set; }

    /// <summary>A preset key from <see cref="IEntityPresetsClient.ListAsync(CancellationToken)"/> (e.g. <c>leads</c>) that pre-populates pipelines and fields.</summary>
    public string? Preset { get; set; }

    /// <summary>The entity mode; omitted means <see cref="EntityMode.Crm"/>. Sent as <c>entity_mode</c>.</summary>
    [JsonPropertyName("entity_mode")]
    public EntityMode? Mode { get; set; }
}
