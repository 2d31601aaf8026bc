using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>A custom field of an entity: the schema for one key of an entry's values.</summary>
public sealed class CustomField
{
    private readonly string? _name;
    private readonly IReadOnlyList<FieldOption> _options = [];

    /// <summary>The field id.</summary>
    public long Id { get; init; }

    /// <summary>The label, e.g. <c>Lead Source</c>. The API sends <c>name</c> or, on some pages, <c>label</c>.</summary>
    public string Name { get => _name ?? string.Empty; init => _name = value; }

    [JsonInclude]
    [JsonPropertyName("label")]
    internal string? LabelAlias { get => null; init => _name ??= value; }

    /// <summary>The key used in entry values, e.g. <c>lead_source</c>.</summary>
    public string Key { get => field ?? string.Empty; init; }

    /// <summary>The field type.</summary>
    public FieldType Type { get; init; } = FieldType.Text;

    /// <summary>
    /// The allowed values of a select or multi-select field. The API sends an array of strings or
    /// of <c>{value, label}</c> objects; both are read here.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<FieldOption> Options { get => _options; init => _options = value ?? []; }

    /// <summary>
    /// For reference fields, the entity whose entries they point at (the API sends
    /// <c>options</c> as an object such as <c>{"target_entity_id": 5}</c>).
    /// </summary>
    [JsonIgnore]
    public long? TargetEntityId { get; init; }

    [JsonInclude]
    [JsonPropertyName("options")]
    internal JsonElement OptionsJson
    {
        get => default;
        init
        {
            _options = FieldOption.ReadAll(value);
            TargetEntityId = FieldOption.ReadTargetEntityId(value);
        }
    }

    /// <summary>Whether a value is required when an entry is created.</summary>
    public bool Required { get; init; }

    /// <summary>The display order.</summary>
    public int? Position { get; init; }

    /// <summary>The entity the field belongs to.</summary>
    public long? CrmEntityId { get; init; }

    /// <summary>When the field was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the field was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"CustomField {Id} {Key} ({Type})";
}
