using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>A stored custom field definition; mutated only under the state lock.</summary>
internal sealed class FieldRecord
{
    public long Id { get; init; }

    public long EntityId { get; init; }

    public required string Name { get; set; }

    public required string Key { get; set; }

    public required string Type { get; set; }

    /// <summary>Kept as the JSON the client sent: options may be strings, {value,label} objects or, for references, an object.</summary>
    public JsonNode? Options { get; set; }

    public bool Required { get; set; }

    public long Position { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
