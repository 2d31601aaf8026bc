using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>A step of a pipeline (e.g. Prospect, Qualified, Closed).</summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class Stage
{
    private int? _position;

    /// <summary>The stage id.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    public long Id { get; internal set; }

    /// <summary>The stage name, e.g. <c>Qualified</c>.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get => field ?? string.Empty; internal set; }

    /// <summary>The slug, when the API sends one.</summary>
    [JsonPropertyName("slug")]
    [JsonInclude]
    public string? Slug { get; internal set; }

    /// <summary>The hex color of the stage badge.</summary>
    [JsonPropertyName("color")]
    [JsonInclude]
    public string? Color { get; internal set; }

    /// <summary>The 0-based sort order. The API sends <c>position</c> or, in some clients, <c>order</c>.</summary>
    [JsonPropertyName("position")]
    [JsonInclude]
    public int? Position { get => _position; internal set => _position = value; }

    // Read-only alias: written never, so serialized output carries the one "position".
    [JsonInclude]
    [JsonPropertyName("order")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal int? OrderAlias { get => null; set => _position ??= value; }

    /// <summary>The semantic status (open, won, lost), when the API sends one.</summary>
    [JsonPropertyName("status")]
    [JsonInclude]
    public StageStatus? Status { get; internal set; }

    /// <summary>The win probability, when the API sends one.</summary>
    [JsonPropertyName("probability")]
    [JsonInclude]
    public decimal? Probability { get; internal set; }

    /// <summary>The pipeline the stage belongs to.</summary>
    [JsonPropertyName("pipeline_id")]
    [JsonInclude]
    public long? PipelineId { get; internal set; }

    /// <summary>When the stage was created.</summary>
    [JsonConverter(typeof(TimestampJsonConverter))]
    [JsonPropertyName("created_at")]
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the stage was last updated.</summary>
    [JsonConverter(typeof(TimestampJsonConverter))]
    [JsonPropertyName("updated_at")]
    [JsonInclude]
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"Stage {Id} {Name}";
}
