using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// A value to write into a custom field, converted from a .NET value to the form the API expects:
/// strings as strings; numbers exactly (a <see cref="decimal"/> never loses digits); <see cref="DateOnly"/>
/// as <c>yyyy-MM-dd</c>; <see cref="DateTimeOffset"/> as ISO 8601 in UTC; <see cref="TimeOnly"/> as
/// <c>HH:mm:ss</c>; lists as arrays;
/// <see cref="Null"/> (or a null string or list) clears the value. Formatting never depends on the culture.
/// </summary>
/// <example><code>
/// var values = new Dictionary&lt;string, FieldValue&gt;
/// {
///     ["email"] = "jane@example.com",
///     ["deal_value"] = 1200.50m,
///     ["close_date"] = new DateOnly(2025, 1, 31),
///     ["tags"] = new[] { "vip", "newsletter" },
/// };
/// </code>
/// <see cref="FieldValues"/> builds such a dictionary fluently.</example>
[JsonConverter(typeof(FieldValueJsonConverter))]
public readonly struct FieldValue : IEquatable<FieldValue>
{
    private readonly object? _value;

    private FieldValue(object? value) => _value = value;

    /// <summary>A JSON <c>null</c>, which clears the field.</summary>
    public static FieldValue Null => default;

    /// <summary>Whether this value is a JSON <c>null</c>.</summary>
    public bool IsNull => _value is null;

    /// <summary>A string value; null clears the field.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromString(string? value) => new(value);

    /// <summary>An exact decimal number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromDecimal(decimal value) => new(value);

    /// <summary>An integer.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromInt64(long value) => new(value);

    /// <summary>A double. Written with the shortest text that round-trips.</summary>
    /// <param name="value">The number; NaN and infinities are not valid JSON.</param>
    /// <returns>The field value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static FieldValue FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A field value must be a finite number; JSON has no NaN or infinity.");
        }

        return new(value);
    }

    /// <summary>A boolean.</summary>
    /// <param name="value">The flag.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromBoolean(bool value) => new(value);

    /// <summary>A date, written <c>yyyy-MM-dd</c>.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromDate(DateOnly value) => new(value);

    /// <summary>A date and time, written ISO 8601 in UTC.</summary>
    /// <param name="value">The instant; its offset is converted to UTC.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromDateTime(DateTimeOffset value) => new(value);

    /// <summary>A time of day, written <c>HH:mm:ss</c> (with <c>.fffffff</c> only when it has fractions of a second).</summary>
    /// <param name="value">The time.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromTime(TimeOnly value) => new(value);

    /// <summary>A list of strings (multi-select options, multi-reference entry ids); null clears the field.</summary>
    /// <param name="values">The strings; none may be null.</param>
    /// <returns>The field value.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains null.</exception>
    public static FieldValue FromStrings(IEnumerable<string>? values)
    {
        if (values is null)
        {
            return Null;
        }

        var copy = values.ToArray();
        if (Array.IndexOf(copy, null) >= 0)
        {
            throw new ArgumentException("A list field value cannot contain null.", nameof(values));
        }

        return new(copy);
    }

    /// <summary>Any JSON value (for <c>json</c> fields and types the SDK does not know).</summary>
    /// <param name="value">The JSON; it is copied.</param>
    /// <returns>The field value.</returns>
    public static FieldValue FromJson(JsonElement value) =>
        value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? Null : new(value.Clone());

    /// <summary>Converts a string; null clears the field.</summary>
    public static implicit operator FieldValue(string? value) => FromString(value);

    /// <summary>Converts an exact decimal number.</summary>
    public static implicit operator FieldValue(decimal value) => FromDecimal(value);

    /// <summary>Converts an integer.</summary>
    public static implicit operator FieldValue(int value) => FromInt64(value);

    /// <summary>Converts an integer.</summary>
    public static implicit operator FieldValue(long value) => FromInt64(value);

    /// <summary>Converts a double.</summary>
    public static implicit operator FieldValue(double value) => FromDouble(value);

    /// <summary>Converts a boolean.</summary>
    public static implicit operator FieldValue(bool value) => FromBoolean(value);

    /// <summary>Converts a date.</summary>
    public static implicit operator FieldValue(DateOnly value) => FromDate(value);

    /// <summary>Converts a date and time.</summary>
    public static implicit operator FieldValue(DateTimeOffset value) => FromDateTime(value);

    /// <summary>Converts a time of day.</summary>
    public static implicit operator FieldValue(TimeOnly value) => FromTime(value);

    /// <summary>Converts a list of strings.</summary>
    public static implicit operator FieldValue(string[]? values) => FromStrings(values);

    /// <summary>Converts a list of strings.</summary>
    public static implicit operator FieldValue(List<string>? values) => FromStrings(values);

    /// <summary>Converts a JSON value.</summary>
    public static implicit operator FieldValue(JsonElement value) => FromJson(value);

    /// <summary>Writes this value as JSON.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (_value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case decimal d: writer.WriteNumberValue(d); break;
            case long l: writer.WriteNumberValue(l); break;
            case double f: writer.WriteNumberValue(f); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset instant: writer.WriteStringValue(TimestampJsonConverter.Format(instant)); break;
            case TimeOnly time: writer.WriteStringValue(time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
            case string[] list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case JsonElement json: json.WriteTo(writer); break;
        }
    }

    /// <summary>The JSON text of this value, e.g. <c>"jane@example.com"</c> or <c>12.5</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJsonString()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>This value as a JSON element (a JSON <c>null</c> for <see cref="Null"/>).</summary>
    internal JsonElement ToJsonElement()
    {
        if (_value is JsonElement json)
        {
            return json;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <inheritdoc />
    public bool Equals(FieldValue other) => ToJsonString() == other.ToJsonString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJsonString());

    /// <summary>Compares the JSON the two values write.</summary>
    public static bool operator ==(FieldValue left, FieldValue right) => left.Equals(right);

    /// <summary>Compares the JSON the two values write.</summary>
    public static bool operator !=(FieldValue left, FieldValue right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => ToJsonString();

    internal sealed class FieldValueJsonConverter : JsonConverter<FieldValue>
    {
        public override bool HandleNull => true;

        public override FieldValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return FromJson(document.RootElement);
        }

        public override void Write(Utf8JsonWriter writer, FieldValue value, JsonSerializerOptions options) => value.WriteTo(writer);
    }
}
