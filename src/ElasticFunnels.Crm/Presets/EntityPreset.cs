using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>A built-in entity template (e.g. Leads, Contacts, Deals) that comes with pipelines and fields.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class EntityPreset
{
    /// <summary>The key to pass as <see cref="EntityCreateRequest.Preset"/>, e.g. <c>leads</c>.</summary>
    [JsonPropertyName("key")]
    [JsonInclude]
    public string Key { get => field ?? string.Empty; internal set; }

    /// <summary>The display label, e.g. <c>Leads</c>.</summary>
    [JsonPropertyName("label")]
    [JsonInclude]
    public string? Label { get; internal set; }

    /// <summary>What the preset is for.</summary>
    [JsonPropertyName("description")]
    [JsonInclude]
    public string? Description { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"EntityPreset {Key} ({Label})";
}
