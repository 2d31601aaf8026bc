using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>A custom field of an entity: the schema for one key of an entry's values.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class CustomField
{
    private string? _name;
    private IReadOnlyList<FieldOption> _options = [];

    /// <summary>The field id.</summary>
    [JsonPropertyName("id")]
    [JsonInclude]
    public long Id { get; internal set; }

    /// <summary>The label, e.g. <c>Lead Source</c>. The API sends <c>name</c> or, on some pages, <c>label</c>.</summary>
    [JsonPropertyName("name")]
    [JsonInclude]
    public string Name { get => _name ?? string.Empty; internal set => _name = value; }

    // Read-only alias: written never, so serialized output carries the one "name".
    [JsonInclude]
    [JsonPropertyName("label")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal string? LabelAlias { get => null; set => _name ??= value; }

    /// <summary>The key used in entry values, e.g. <c>lead_source</c>.</summary>
    [JsonPropertyName("key")]
    [JsonInclude]
    public string Key { get => field ?? string.Empty; internal set; }

    /// <summary>The field type.</summary>
    [JsonPropertyName("type")]
    [JsonInclude]
    public FieldType Type { get; internal set; } = FieldType.Text;

    /// <summary>
    /// The allowed values of a select or multi-select field. The API sends an array of strings or
    /// of <c>{value, label}</c> objects; both are read here.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<FieldOption> Options { get => _options; internal set => _options = value ?? []; }

    /// <summary>
    /// For reference fields, the entity whose entries they point at (the API sends
    /// <c>options</c> as an object such as <c>{"target_entity_id": 5}</c>).
    /// </summary>
    [JsonIgnore]
    public long? TargetEntityId { get; internal set; }

    // One wire property carries both Options and TargetEntityId, so both are read and written through it.
    [JsonInclude]
    [JsonPropertyName("options")]
    internal JsonElement OptionsJson
    {
        get => FieldOption.WriteAll(_options, TargetEntityId);
        set
        {
            _options = FieldOption.ReadAll(value);
            TargetEntityId = FieldOption.ReadTargetEntityId(value);
        }
    }

    /// <summary>Whether a value is required when an entry is created.</summary>
    [JsonPropertyName("required")]
    [JsonInclude]
    public bool Required { get; internal set; }

    /// <summary>The display order.</summary>
    [JsonPropertyName("position")]
    [JsonInclude]
    public int? Position { get; internal set; }

    /// <summary>The entity the field belongs to.</summary>
    [JsonPropertyName("crm_entity_id")]
    [JsonInclude]
    public long? CrmEntityId { get; internal set; }

    /// <summary>When the field was created.</summary>
    [JsonConverter(typeof(TimestampJsonConverter))]
    [JsonPropertyName("created_at")]
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the field was last updated.</summary>
    [JsonConverter(typeof(TimestampJsonConverter))]
    [JsonPropertyName("updated_at")]
    [JsonInclude]
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"CustomField {Id} {Key} ({Type})";
}
