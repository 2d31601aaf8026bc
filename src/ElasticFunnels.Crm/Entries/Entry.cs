using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>A record of an entity (e.g. one lead or deal).</summary>
public sealed class Entry
{
    private EntryValues? _values;
    private JsonElement _valuesArray;
    private JsonElement _valuesFlat;

    /// <summary>The entry id: an opaque string (an Elasticsearch document id), not a number.</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberJsonConverter))]
    [JsonInclude]
    public string Id { get => field ?? string.Empty; internal set; }

    /// <summary>The human-readable label, e.g. the lead's name.</summary>
    [JsonInclude]
    public string? Title { get; internal set; }

    /// <summary>The pipeline the entry is in; <see langword="null"/> for entries of data-mode entities.</summary>
    [JsonInclude]
    public long? PipelineId { get; internal set; }

    /// <summary>The stage the entry is in; <see langword="null"/> for entries of data-mode entities.</summary>
    [JsonInclude]
    public long? StageId { get; internal set; }

    /// <summary>The entity the entry belongs to.</summary>
    [JsonInclude]
    public long? CrmEntityId { get; internal set; }

    /// <summary>The brand (project) the entry belongs to.</summary>
    [JsonInclude]
    public long? BrandId { get; internal set; }

    /// <summary>The type of the outside record this entry is linked to (e.g. <c>conversion</c>).</summary>
    [JsonInclude]
    public string? ReferenceType { get; internal set; }

    /// <summary>The id of the outside record this entry is linked to.</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberJsonConverter))]
    [JsonInclude]
    public string? ReferenceId { get; internal set; }

    /// <summary>The team member the entry is assigned to.</summary>
    [JsonInclude]
    public long? AssignedToUserId { get; internal set; }

    /// <summary>The CRM team the entry is assigned to.</summary>
    [JsonInclude]
    public long? AssignedToTeamId { get; internal set; }

    /// <summary>
    /// The custom field values, as one read-only view. See <see cref="EntryValues"/> for the rule
    /// that decides between the API's two shapes (<c>values_flat</c> and <c>values</c>).
    /// </summary>
    [JsonIgnore]
    public EntryValues Values
    {
        get => _values ??= EntryValues.FromWire(_valuesFlat, _valuesArray);
        internal set => _values = value;
    }

    [JsonInclude]
    [JsonPropertyName("values")]
    internal JsonElement ValuesArrayJson { get => _valuesArray; set => _valuesArray = value; }

    [JsonInclude]
    [JsonPropertyName("values_flat")]
    internal JsonElement ValuesFlatJson { get => _valuesFlat; set => _valuesFlat = value; }

    /// <summary>The matched customer record, when the list was requested with <c>include_customer</c>.</summary>
    [JsonInclude]
    public JsonElement? Customer { get; internal set; }

    /// <summary>When the entry was created.</summary>
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the entry was last updated.</summary>
    [JsonInclude]
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"Entry {Id} {Title}";
}
