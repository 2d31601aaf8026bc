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
    public string Id { get => field ?? string.Empty; init; }

    /// <summary>The human-readable label, e.g. the lead's name.</summary>
    public string? Title { get; init; }

    /// <summary>The pipeline the entry is in; <see langword="null"/> for entries of data-mode entities.</summary>
    public long? PipelineId { get; init; }

    /// <summary>The stage the entry is in; <see langword="null"/> for entries of data-mode entities.</summary>
    public long? StageId { get; init; }

    /// <summary>The entity the entry belongs to.</summary>
    public long? CrmEntityId { get; init; }

    /// <summary>The brand (project) the entry belongs to.</summary>
    public long? BrandId { get; init; }

    /// <summary>The type of the outside record this entry is linked to (e.g. <c>conversion</c>).</summary>
    public string? ReferenceType { get; init; }

    /// <summary>The id of the outside record this entry is linked to.</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberJsonConverter))]
    public string? ReferenceId { get; init; }

    /// <summary>The team member the entry is assigned to.</summary>
    public long? AssignedToUserId { get; init; }

    /// <summary>The CRM team the entry is assigned to.</summary>
    public long? AssignedToTeamId { get; init; }

    /// <summary>
    /// The custom field values, as one read-only view. See <see cref="EntryValues"/> for the rule
    /// that decides between the API's two shapes (<c>values_flat</c> and <c>values</c>).
    /// </summary>
    [JsonIgnore]
    public EntryValues Values
    {
        get => _values ??= EntryValues.FromWire(_valuesFlat, _valuesArray);
        init => _values = value;
    }

    [JsonInclude]
    [JsonPropertyName("values")]
    internal JsonElement ValuesArrayJson { get => _valuesArray; init => _valuesArray = value; }

    [JsonInclude]
    [JsonPropertyName("values_flat")]
    internal JsonElement ValuesFlatJson { get => _valuesFlat; init => _valuesFlat = value; }

    /// <summary>The matched customer record, when the list was requested with <c>include_customer</c>.</summary>
    public JsonElement? Customer { get; init; }

    /// <summary>When the entry was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the entry was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Entry {Id} {Title}";
}
