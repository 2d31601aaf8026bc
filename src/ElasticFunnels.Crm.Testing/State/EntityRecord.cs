namespace ElasticFunnels.Crm.Testing;

/// <summary>A stored CRM entity; mutated only under the state lock.</summary>
internal sealed class EntityRecord
{
    public long Id { get; init; }

    public required string Name { get; set; }

    public required string Slug { get; set; }

    public string? SingularName { get; set; }

    public string? PluralName { get; set; }

    public string? Icon { get; set; }

    public string? Color { get; set; }

    public required string Mode { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsDataMode => Mode == EntityModes.Data;
}
