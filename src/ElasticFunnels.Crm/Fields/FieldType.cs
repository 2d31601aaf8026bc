using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// The type of a custom field. Known types are static members; any other value the API sends
/// (the vendor adds types over time) is kept as it is and round-trips unchanged.
/// </summary>
/// <remarks>
/// Aliases the vendor writes in more than one way compare equal: <c>multiselect</c> is
/// <see cref="MultiSelect"/> and <c>tel</c> is <see cref="Phone"/>. Comparison ignores case.
/// </remarks>
[JsonConverter(typeof(FieldTypeJsonConverter))]
public readonly struct FieldType : IEquatable<FieldType>
{
    private readonly string? _value;

    /// <summary>Creates a field type from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>text</c> or <c>multi_select</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or whitespace.</exception>
    public FieldType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim();
    }

    /// <summary>Single-line text.</summary>
    public static FieldType Text { get; } = new("text");

    /// <summary>Multi-line text.</summary>
    public static FieldType TextArea { get; } = new("textarea");

    /// <summary>Rich text (HTML).</summary>
    public static FieldType RichText { get; } = new("rich_text");

    /// <summary>WYSIWYG editor content (HTML).</summary>
    public static FieldType Wysiwyg { get; } = new("wysiwyg");

    /// <summary>An e-mail address.</summary>
    public static FieldType Email { get; } = new("email");

    /// <summary>A phone number (also written <c>tel</c>).</summary>
    public static FieldType Phone { get; } = new("phone");

    /// <summary>A URL.</summary>
    public static FieldType Url { get; } = new("url");

    /// <summary>A number (the API stores a double).</summary>
    public static FieldType Number { get; } = new("number");

    /// <summary>A calendar date, <c>yyyy-MM-dd</c>.</summary>
    public static FieldType Date { get; } = new("date");

    /// <summary>A date and time, ISO 8601.</summary>
    public static FieldType DateTime { get; } = new("datetime");

    /// <summary>A boolean.</summary>
    public static FieldType Boolean { get; } = new("boolean");

    /// <summary>One value out of the field's options.</summary>
    public static FieldType Select { get; } = new("select");

    /// <summary>Any number of values out of the field's options (also written <c>multiselect</c>).</summary>
    public static FieldType MultiSelect { get; } = new("multi_select");

    /// <summary>A color.</summary>
    public static FieldType Color { get; } = new("color");

    /// <summary>An image URL.</summary>
    public static FieldType Image { get; } = new("image");

    /// <summary>A file URL.</summary>
    public static FieldType File { get; } = new("file");

    /// <summary>Arbitrary JSON.</summary>
    public static FieldType Json { get; } = new("json");

    /// <summary>A reference to one entry of another entity.</summary>
    public static FieldType Reference { get; } = new("reference");

    /// <summary>References to several entries of another entity.</summary>
    public static FieldType MultiReference { get; } = new("multi_reference");

    /// <summary>A whole number (seen in the vendor's scripts).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after the vendor's field type.")]
    public static FieldType Integer { get; } = new("integer");

    /// <summary>A decimal number (seen in the vendor's scripts).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after the vendor's field type.")]
    public static FieldType Decimal { get; } = new("decimal");

    /// <summary>An amount of money, stored as a number (seen in the vendor's scripts).</summary>
    public static FieldType Currency { get; } = new("currency");

    /// <summary>A time of day, <c>HH:mm</c> or <c>HH:mm:ss</c> (seen in the vendor's scripts).</summary>
    public static FieldType Time { get; } = new("time");

    /// <summary>A checkbox: a boolean (seen in the vendor's scripts).</summary>
    public static FieldType Checkbox { get; } = new("checkbox");

    /// <summary>Radio buttons: one value out of the field's options, like <see cref="Select"/> (seen in the vendor's scripts).</summary>
    public static FieldType Radio { get; } = new("radio");

    /// <summary>
    /// What .NET shape a value of this type reads as, and so which <see cref="EntryValues"/> method
    /// reads it (for example <see cref="FieldValueShape.Number"/>: <see cref="EntryValues.GetDecimal(string)"/>).
    /// A type the SDK does not know is <see cref="FieldValueShape.Unknown"/>: read it as JSON.
    /// </summary>
    public FieldValueShape Shape => Canonical switch
    {
        "text" or "textarea" or "rich_text" or "wysiwyg" or "email" or "phone" or "url" or "color" or "image" or "file" => FieldValueShape.Text,
        "number" or "decimal" or "currency" => FieldValueShape.Number,
        "integer" => FieldValueShape.Integer,
        "boolean" or "checkbox" => FieldValueShape.Boolean,
        "date" => FieldValueShape.Date,
        "datetime" => FieldValueShape.DateTime,
        "time" => FieldValueShape.Time,
        "select" or "radio" => FieldValueShape.Option,
        "multi_select" => FieldValueShape.Options,
        "json" => FieldValueShape.Json,
        "reference" => FieldValueShape.Reference,
        "multi_reference" => FieldValueShape.References,
        _ => FieldValueShape.Unknown,
    };

    /// <summary>Whether the SDK knows this type (any of the static members, or an alias of one).</summary>
    public bool IsKnown => Shape != FieldValueShape.Unknown;

    /// <summary>The value as the API writes it (an alias keeps its own spelling).</summary>
    public string Value => _value ?? "text";

    private string Canonical => ExtensibleValue.Normalize(Value) switch
    {
        "multiselect" => "multi_select",
        "tel" => "phone",
        var other => other,
    };

    /// <inheritdoc />
    public bool Equals(FieldType other) => string.Equals(Canonical, other.Canonical, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FieldType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares two field types, treating aliases as equal.</summary>
    public static bool operator ==(FieldType left, FieldType right) => left.Equals(right);

    /// <summary>Compares two field types, treating aliases as equal.</summary>
    public static bool operator !=(FieldType left, FieldType right) => !left.Equals(right);

    /// <summary>Converts a wire value to a field type.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static implicit operator FieldType(string value) => new(value);

    internal sealed class FieldTypeJsonConverter : JsonConverter<FieldType>
    {
        public override FieldType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return string.IsNullOrWhiteSpace(text) ? Text : new FieldType(text);
        }

        public override void Write(Utf8JsonWriter writer, FieldType value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
