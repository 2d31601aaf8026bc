using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>A step of a pipeline (e.g. Prospect, Qualified, Closed).</summary>
public sealed class Stage
{
    private readonly int? _position;

    /// <summary>The stage id.</summary>
    public long Id { get; init; }

    /// <summary>The stage name, e.g. <c>Qualified</c>.</summary>
    public string Name { get => field ?? string.Empty; init; }

    /// <summary>The slug, when the API sends one.</summary>
    public string? Slug { get; init; }

    /// <summary>The hex color of the stage badge.</summary>
    public string? Color { get; init; }

    /// <summary>The 0-based sort order. The API sends <c>position</c> or, in some clients, <c>order</c>.</summary>
    public int? Position { get => _position; init => _position = value; }

    [JsonInclude]
    [JsonPropertyName("order")]
    internal int? OrderAlias { get => null; init => _position ??= value; }

    /// <summary>The semantic status (open, won, lost), when the API sends one.</summary>
    public StageStatus? Status { get; init; }

    /// <summary>The win probability, when the API sends one.</summary>
    public decimal? Probability { get; init; }

    /// <summary>The pipeline the stage belongs to.</summary>
    public long? PipelineId { get; init; }

    /// <summary>When the stage was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the stage was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Stage {Id} {Name}";
}
