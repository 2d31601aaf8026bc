using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>A custom field of an entity: the schema for one key of an entry's values.</summary>
public sealed class CustomField
{
    private string? _name;
    private IReadOnlyList<FieldOption> _options = [];

    /// <summary>The field id.</summary>
    [JsonInclude]
    public long Id { get; internal set; }

    /// <summary>The label, e.g. <c>Lead Source</c>. The API sends <c>name</c> or, on some pages, <c>label</c>.</summary>
    [JsonInclude]
    public string Name { get => _name ?? string.Empty; internal set => _name = value; }

    [JsonInclude]
    [JsonPropertyName("label")]
    internal string? LabelAlias { get => null; set => _name ??= value; }

    /// <summary>The key used in entry values, e.g. <c>lead_source</c>.</summary>
    [JsonInclude]
    public string Key { get => field ?? string.Empty; internal set; }

    /// <summary>The field type.</summary>
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

    [JsonInclude]
    [JsonPropertyName("options")]
    internal JsonElement OptionsJson
    {
        get => default;
        set
        {
            _options = FieldOption.ReadAll(value);
            TargetEntityId = FieldOption.ReadTargetEntityId(value);
        }
    }

    /// <summary>Whether a value is required when an entry is created.</summary>
    [JsonInclude]
    public bool Required { get; internal set; }

    /// <summary>The display order.</summary>
    [JsonInclude]
    public int? Position { get; internal set; }

    /// <summary>The entity the field belongs to.</summary>
    [JsonInclude]
    public long? CrmEntityId { get; internal set; }

    /// <summary>When the field was created.</summary>
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal set; }

    /// <summary>When the field was last updated.</summary>
    [JsonInclude]
    public DateTimeOffset? UpdatedAt { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"CustomField {Id} {Key} ({Type})";
}
