using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ElasticFunnels.Crm;

/// <summary>
/// Custom field values to write, by field key: a dictionary of <see cref="FieldValue"/> with a fluent
/// <see cref="Set(string, FieldValue)"/>. Assign it to <see cref="EntryCreateRequest.Values"/> or
/// <see cref="EntryUpdateRequest.Values"/>; it is sent as the flat object the API expects.
/// </summary>
/// <example><code>
/// var values = new FieldValues()
///     .Set("email", "jane@example.com")
///     .Set("deal_value", 1200.50m)
///     .Set("close_date", new DateOnly(2025, 1, 31))
///     .Set("tags", new[] { "vip", "newsletter" })
///     .SetNull("phone");
/// </code></example>
[SuppressMessage("Naming", "CA1710", Justification = "Named after what it holds, as FieldValue is.")]
public sealed class FieldValues : IDictionary<string, FieldValue>, IReadOnlyDictionary<string, FieldValue>
{
    private readonly Dictionary<string, FieldValue> _values = new(StringComparer.Ordinal);

    /// <summary>Sets the value of a key, replacing any earlier one.</summary>
    /// <param name="key">The field key; not empty.</param>
    /// <param name="value">The value; .NET values convert implicitly (see <see cref="FieldValue"/>).</param>
    /// <returns>This instance, to chain calls.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null, empty or whitespace.</exception>
    public FieldValues Set(string key, FieldValue value)
    {
        this[key] = value;
        return this;
    }

    /// <summary>Sets a key to <see cref="FieldValue.Null"/>, which clears the field.</summary>
    /// <param name="key">The field key; not empty.</param>
    /// <returns>This instance, to chain calls.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null, empty or whitespace.</exception>
    public FieldValues SetNull(string key) => Set(key, FieldValue.Null);

    /// <summary>
    /// The values of an instance of your own class, keyed as <see cref="EntryValues.ToObject{T}(JsonTypeInfo{T})"/>
    /// reads them (<see cref="CrmFieldAttribute"/>, or the property name in snake_case), each written in the form
    /// the API expects (<see cref="DateOnly"/> as <c>yyyy-MM-dd</c>, <see cref="DateTimeOffset"/> in UTC, exact decimals).
    /// </summary>
    /// <remarks>
    /// A null property becomes <see cref="FieldValue.Null"/> (it clears the field), unless your context
    /// ignores nulls when writing (<c>DefaultIgnoreCondition = WhenWritingNull</c>), in which case the key is left out.
    /// </remarks>
    /// <typeparam name="T">Your class.</typeparam>
    /// <param name="value">The instance.</param>
    /// <param name="typeInfo">Its metadata from your source-generated context, e.g. <c>MyJsonContext.Default.Lead</c>.</param>
    /// <returns>The values.</returns>
    /// <exception cref="ArgumentException"><paramref name="typeInfo"/> does not describe an object with properties.</exception>
    public static FieldValues FromObject<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(value);
        var mapped = CrmObjectMapping.For(typeInfo, nameof(typeInfo));
        var json = JsonSerializer.SerializeToElement(value, mapped);
        var result = new FieldValues();
        foreach (var property in json.EnumerateObject())
        {
            result[property.Name] = FieldValue.FromJson(property.Value);
        }

        return result;
    }

    /// <summary>Gets or sets the value of a key.</summary>
    /// <param name="key">The field key; not empty.</param>
    /// <exception cref="KeyNotFoundException">Getting a key that was not set.</exception>
    /// <exception cref="ArgumentException">Setting a key that is null, empty or whitespace.</exception>
    public FieldValue this[string key]
    {
        get => _values[key];
        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key);
            _values[key] = value;
        }
    }

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public ICollection<string> Keys => _values.Keys;

    /// <inheritdoc />
    public ICollection<FieldValue> Values => _values.Values;

    /// <inheritdoc />
    IEnumerable<string> IReadOnlyDictionary<string, FieldValue>.Keys => _values.Keys;

    /// <inheritdoc />
    IEnumerable<FieldValue> IReadOnlyDictionary<string, FieldValue>.Values => _values.Values;

    /// <inheritdoc />
    bool ICollection<KeyValuePair<string, FieldValue>>.IsReadOnly => false;

    /// <summary>Adds a key that is not set yet (collection initializers use this).</summary>
    /// <param name="key">The field key; not empty.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or already set.</exception>
    public void Add(string key, FieldValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _values.Add(key, value);
    }

    /// <inheritdoc />
    void ICollection<KeyValuePair<string, FieldValue>>.Add(KeyValuePair<string, FieldValue> item) => Add(item.Key, item.Value);

    /// <summary>Removes every key (nothing is cleared on the server; use <see cref="SetNull(string)"/> for that).</summary>
    public void Clear() => _values.Clear();

    /// <inheritdoc />
    bool ICollection<KeyValuePair<string, FieldValue>>.Contains(KeyValuePair<string, FieldValue> item) =>
        ((ICollection<KeyValuePair<string, FieldValue>>)_values).Contains(item);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    void ICollection<KeyValuePair<string, FieldValue>>.CopyTo(KeyValuePair<string, FieldValue>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, FieldValue>>)_values).CopyTo(array, arrayIndex);

    /// <summary>Removes a key, so it is not sent (an update then leaves that field as it is).</summary>
    /// <param name="key">The field key.</param>
    /// <returns>Whether the key was set.</returns>
    public bool Remove(string key) => _values.Remove(key);

    /// <inheritdoc />
    bool ICollection<KeyValuePair<string, FieldValue>>.Remove(KeyValuePair<string, FieldValue> item) =>
        ((ICollection<KeyValuePair<string, FieldValue>>)_values).Remove(item);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FieldValue value) => _values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, FieldValue>> GetEnumerator() => _values.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The flat JSON object these values are sent as, e.g. <c>{"email":"jane@example.com","deal_value":1200.50}</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJsonString()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in _values)
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc />
    public override string ToString() => ToJsonString();
}
