using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>A stored entry (an Elasticsearch document on the real service); mutated only under the state lock.</summary>
internal sealed class EntryRecord
{
    public required string Id { get; init; }

    /// <summary>Arrival order, so entries created within the same clock tick still sort newest first, stably.</summary>
    public long Sequence { get; init; }

    public long EntityId { get; init; }

    public long? PipelineId { get; set; }

    public long? StageId { get; set; }

    public required string Title { get; set; }

    public string? ReferenceType { get; set; }

    public string? ReferenceId { get; set; }

    public long? AssignedToUserId { get; set; }

    public long? AssignedToTeamId { get; set; }

    /// <summary>Values in the order they were first set; the nodes are detached copies of what the client sent.</summary>
    public OrderedDictionary<string, JsonNode?> Values { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
