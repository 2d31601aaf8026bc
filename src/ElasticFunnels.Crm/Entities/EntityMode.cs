using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// How an entity stores its entries: <see cref="Crm"/> (with pipelines and stages, the default)
/// or <see cref="Data"/> (a plain collection whose entries have no pipeline or stage).
/// Other values the API sends are kept as they are.
/// </summary>
[JsonConverter(typeof(EntityModeJsonConverter))]
public readonly struct EntityMode : IEquatable<EntityMode>
{
    private readonly string? _value;

    /// <summary>Creates a mode from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>crm</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or whitespace.</exception>
    public EntityMode(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = ExtensibleValue.Normalize(value);
    }

    /// <summary>Entries move through pipelines and stages (the default).</summary>
    public static EntityMode Crm { get; } = new("crm");

    /// <summary>A plain collection: no pipelines, and entries have no pipeline or stage.</summary>
    public static EntityMode Data { get; } = new("data");

    /// <summary>The wire value. A default instance is <c>crm</c>, the API's default.</summary>
    public string Value => _value ?? "crm";

    /// <summary>A default instance: the API sent no mode.</summary>
    internal bool IsUnset => _value is null;

    /// <inheritdoc />
    public bool Equals(EntityMode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EntityMode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares two modes.</summary>
    public static bool operator ==(EntityMode left, EntityMode right) => left.Equals(right);

    /// <summary>Compares two modes.</summary>
    public static bool operator !=(EntityMode left, EntityMode right) => !left.Equals(right);

    /// <summary>Converts a wire value to a mode.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static implicit operator EntityMode(string value) => new(value);

    internal sealed class EntityModeJsonConverter : JsonConverter<EntityMode>
    {
        public override EntityMode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return string.IsNullOrWhiteSpace(text) ? Crm : new EntityMode(text);
        }

        public override void Write(Utf8JsonWriter writer, EntityMode value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
