using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// The custom fields of one entity as loaded at <see cref="LoadedAt"/>, and the checks of entry values
/// against them. Get one from <see cref="IElasticFunnelsCrmClient.Schemas"/>.
/// </summary>
/// <remarks>
/// Serializes with System.Text.Json as <c>{"entity_id", "fields", "loaded_at"}</c> and reads back from that,
/// so a schema can be cached outside the process.
/// </remarks>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class EntitySchema
{
    private readonly Dictionary<string, CustomField> _byKey = new(StringComparer.Ordinal);

    /// <summary>Creates a schema (the client builds them; this constructor is for tests and mocks).</summary>
    /// <param name="entityId">The entity id.</param>
    /// <param name="fields">The entity's fields.</param>
    /// <param name="loadedAt">When the fields were loaded.</param>
    public EntitySchema(long entityId, IEnumerable<CustomField> fields, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(fields);
        EntityId = entityId;
        Fields = fields.ToArray();
        LoadedAt = loadedAt;
        foreach (var field in Fields)
        {
            _byKey.TryAdd(field.Key, field);
        }
    }

    // System.Text.Json binds constructor parameters to properties of exactly the same type.
    [JsonConstructor]
    internal EntitySchema(long entityId, IReadOnlyList<CustomField> fields, DateTimeOffset loadedAt)
        : this(entityId, (IEnumerable<CustomField>)fields, loadedAt)
    {
    }

    /// <summary>The entity id.</summary>
    [JsonPropertyName("entity_id")]
    public long EntityId { get; }

    /// <summary>The entity's custom fields, in the order the API listed them.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyList<CustomField> Fields { get; }

    /// <summary>When the fields were loaded.</summary>
    [JsonPropertyName("loaded_at")]
    [JsonConverter(typeof(TimestampJsonConverter))]
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Finds the field with a key (ordinal, case-sensitive).</summary>
    /// <param name="key">The field key.</param>
    /// <param name="field">The field, when there is one.</param>
    /// <returns>Whether the entity has a field with that key.</returns>
    public bool TryGetField(string key, [NotNullWhen(true)] out CustomField? field) =>
        _byKey.TryGetValue(key ?? string.Empty, out field);

    /// <summary>
    /// Checks the values of a create: every key must be a field, every value of its field's type (and
    /// among its options for select types), and every required field must have a value.
    /// </summary>
    /// <param name="values">The values; null is none.</param>
    /// <returns>Every problem found; empty when the values fit.</returns>
    public IReadOnlyList<EntryValueProblem> ValidateCreate(IEnumerable<KeyValuePair<string, FieldValue>>? values) =>
        SchemaRules.Validate(this, values, creating: true);

    /// <summary>
    /// Checks the values of an update: as <see cref="ValidateCreate"/>, except that required fields may be
    /// left out (only what is sent changes); they still may not be cleared.
    /// </summary>
    /// <param name="values">The values; null is none.</param>
    /// <returns>Every problem found; empty when the values fit.</returns>
    public IReadOnlyList<EntryValueProblem> ValidateUpdate(IEnumerable<KeyValuePair<string, FieldValue>>? values) =>
        SchemaRules.Validate(this, values, creating: false);

    /// <inheritdoc />
    public override string ToString() => $"EntitySchema {EntityId} ({Fields.Count} fields, loaded {LoadedAt:O})";
}
