using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>A record of an entity (e.g. one lead or deal).</summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class Entry
{
    private EntryValues? _values;
    private JsonElement _valuesArray;
    private JsonElement _valuesFlat;

    /// <summary>The entry id: an opaque string (an Elasticsearch document id), not a number.</summary>
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    [JsonPropertyName("id")]
    [JsonInclude]
    public string Id { get => field ?? string.Empty; internal set; }

    /// <summary>The human-readable label, e.g. the lead's name.</summary>
    [JsonPropertyName("title")]
    [JsonInclude]
    public string? Title { get; internal set; }

    /// <summary>The pipeline the entry is in; <see langword="null"/> for entries of data-mode entities.</summary>
    [JsonPropertyName("pipeline_id")]
    [JsonInclude]
    public long? PipelineId { get; internal set; }

    /// <summary>The stage the entry is in; <see langword="null"/> for entries of data-mode entities.</summary>
    [JsonPropertyName("stage_id")]
    [JsonInclude]
    public long? StageId { get; internal set; }

    /// <summary>The entity the entry belongs to.</summary>
    [JsonPropertyName("crm_entity_id")]
    [JsonInclude]
    public long? CrmEntityId { get; internal set; }

    /// <summary>The brand (project) the entry belongs to.</summary>
    [JsonPropertyName("brand_id")]
    [JsonInclude]
    public long? BrandId { get; internal set; }

    /// <summary>The type of the outside record this entry is linked to (e.g. <c>conversion</c>).</summary>
    [JsonPropertyName("reference_type")]
    [JsonInclude]
    public string? ReferenceType { get; internal set; }

    /// <summary>The id of the outside record this entry is linked to.</summary>
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    [JsonPropertyName("reference_id")]
    [JsonInclude]
    public string? ReferenceId { get; internal set; }

    /// <summary>The team member the entry is assigned to.</summary>
    [JsonPropertyName("assigned_to_user_id")]
    [JsonInclude]
    public long? AssignedToUserId { get; internal set; }

    /// <summary>The CRM team the entry is assigned to.</summary>
    [JsonPropertyName("assigned_to_team_id")]
    [JsonInclude]
    public long? AssignedToTeamId { get; internal set; }

    /// <summary>
    /// The custom field values, as one read-only view. See <see cref="EntryValues"/> for the rule
    /// that decides between the API's two shapes (<c>values_flat</c> and <c>values</c>).
    /// </summary>
    /// <remarks>Serialized as <c>values</c>, one flat object of field key to value.</remarks>
    [JsonIgnore]
    public EntryValues Values
    {
        get => _values ??= EntryValues.FromWire(_valuesFlat, _valuesArray);
        internal set => _values = value;
    }

    [JsonInclude]
    [JsonPropertyName("values")]
    internal JsonElement ValuesJson { get => Values.ToFlatJson(); set => _valuesArray = value; }

    // Read-only: the flat shape is what "values" is written as, so it is never written twice.
    [JsonInclude]
    [JsonPropertyName("values_flat")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal JsonElement? ValuesFlatJson { get => null; set => _valuesFlat = value ?? default; }

    /// <summary>The matched customer record, when the list was requested with <c>include_customer</c>.</summary>
    [JsonPropertyName("customer")]
    [JsonInclude]
    public JsonElement? Customer { get; internal set; }

    /// <summary>When the entry was created.</summary>
    [JsonConverter(typeof(TimestampJsonConverter))]
    [JsonPropertyName("created_at")]
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the entry was last updated.</summary>
    [JsonConverter(typeof(TimestampJsonConverter))]
    [JsonPropertyName("updated_at")]
    [JsonInclude]
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"Entry {Id} {Title}";
}
