namespace ElasticFunnels.Crm;

/// <summary>A built-in entity template (e.g. Leads, Contacts, Deals) that comes with pipelines and fields.</summary>
public sealed class EntityPreset
{
    /// <summary>The key to pass as <see cref="EntityCreateRequest.Preset"/>, e.g. <c>leads</c>.</summary>
    public string Key { get => field ?? string.Empty; init; }

    /// <summary>The display label, e.g. <c>Leads</c>.</summary>
    public string? Label { get; init; }

    /// <summary>What the preset is for.</summary>
    public string? Description { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"EntityPreset {Key} ({Label})";
}
