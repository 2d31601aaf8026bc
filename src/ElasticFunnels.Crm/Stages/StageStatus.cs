using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// The semantic status of a stage: <see cref="Open"/> (still in progress), <see cref="Won"/> or
/// <see cref="Lost"/>. The vendor also writes <c>active</c>, which is read as <see cref="Open"/>.
/// Other values are kept as they are.
/// </summary>
[JsonConverter(typeof(StageStatusJsonConverter))]
public readonly struct StageStatus : IEquatable<StageStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire value; <c>active</c> becomes <c>open</c>.</summary>
    /// <param name="value">The wire value.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or whitespace.</exception>
    public StageStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var normalized = ExtensibleValue.Normalize(value);
        _value = normalized == "active" ? "open" : normalized;
    }

    /// <summary>The stage is still in progress (also written <c>active</c>).</summary>
    public static StageStatus Open { get; } = new("open");

    /// <summary>Entries in this stage are won.</summary>
    public static StageStatus Won { get; } = new("won");

    /// <summary>Entries in this stage are lost.</summary>
    public static StageStatus Lost { get; } = new("lost");

    /// <summary>The normalized wire value. A default instance is <c>open</c>.</summary>
    public string Value => _value ?? "open";

    /// <inheritdoc />
    public bool Equals(StageStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StageStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares two statuses.</summary>
    public static bool operator ==(StageStatus left, StageStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    public static bool operator !=(StageStatus left, StageStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value to a status.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static implicit operator StageStatus(string value) => new(value);

    internal sealed class StageStatusJsonConverter : JsonConverter<StageStatus>
    {
        public override StageStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return string.IsNullOrWhiteSpace(text) ? Open : new StageStatus(text);
        }

        public override void Write(Utf8JsonWriter writer, StageStatus value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
