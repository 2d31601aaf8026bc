namespace ElasticFunnels.Crm;

/// <summary>The body of an update-entity request. Only the properties you set are sent.</summary>
public sealed class EntityUpdateRequest
{
    /// <summary>The display name.</summary>
    public string? Name { get; set; }

    /// <summary>The URL-safe identifier: lowercase letters, digits, hyphens and underscores.</summary>
    public string? Slug { get; set; }

    /// <summary>The singular label.</summary>
    public string? SingularName { get; set; }

    /// <summary>The plural label.</summary>
    public string? PluralName { get; set; }

    /// <summary>The icon identifier (at most 64 characters).</summary>
    public string? Icon { get; set; }

    /// <summary>The hex color (at most 64 characters).</summary>
    public string? Color { get; set; }
}
