namespace ElasticFunnels.Crm;

/// <summary>The body of an update-stage request. Only the properties you set are sent.</summary>
public sealed class StageUpdateRequest
{
    /// <summary>The stage name.</summary>
    public string? Name { get; set; }

    /// <summary>The hex color of the stage badge.</summary>
    public string? Color { get; set; }

    /// <summary>The 0-based sort order.</summary>
    public int? Position { get; set; }
}
