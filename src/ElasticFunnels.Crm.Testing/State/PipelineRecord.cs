namespace ElasticFunnels.Crm.Testing;

/// <summary>A stored pipeline; mutated only under the state lock.</summary>
internal sealed class PipelineRecord
{
    public long Id { get; init; }

    public long EntityId { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
