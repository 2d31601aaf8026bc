namespace ElasticFunnels.Crm.Testing;

/// <summary>A stored pipeline stage; mutated only under the state lock.</summary>
internal sealed class StageRecord
{
    public long Id { get; init; }

    public long PipelineId { get; init; }

    public required string Name { get; set; }

    public string? Color { get; set; }

    public long Position { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
