using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ElasticFunnels.Crm;

/// <summary>
/// The custom field values of an entry: one read-only view, keyed by field key (ordinal, case-sensitive).
/// </summary>
/// <remarks>
/// The API returns values twice: <c>values_flat</c> (an object) and <c>values</c> (an array of
/// <c>{key, value}</c>). <b>The rule:</b> when the response carries <c>values_flat</c> as a JSON
/// object, the view is exactly that object; otherwise it is built from the <c>values</c> array (a key
/// that appears twice keeps its last value). The two shapes are never merged, so a key present in only
/// the shape that was not chosen is not in the view; <see cref="Source"/> tells which shape was used.
/// <para>
/// Read typed values with <see cref="GetString"/>, <see cref="GetDecimal"/>, <see cref="GetDate"/>, ... (see
/// <see cref="FieldType.Shape"/> for which one fits a field type). Each <c>Get...</c> throws a
/// <see cref="CrmValueException"/> whose <see cref="CrmValueException.Reason"/> tells a missing key, a JSON
/// <c>null</c> and a value of another type apart; each <c>TryGet...</c> returns false instead and never throws;
/// <see cref="GetState"/> tells the three apart without reading. Map all values to a class of your own with
/// <see cref="ToObject{T}"/>.
/// </para>
/// </remarks>
[SuppressMessage("Naming", "CA1710", Justification = "Named after what it holds, an entry's values, as the API names them.")]
public sealed partial class EntryValues : IReadOnlyDictionary<string, JsonElement>
{
    private readonly Dictionary<string, JsonElement> _values;

    // The object a Flat view was read from: its JSON as it is, so writing the view back costs nothing.
    private readonly JsonElement _flat;

    private EntryValues(Dictionary<string, JsonElement> values, EntryValueSource source, JsonElement flat = default)
    {
        _values = values;
        Source = source;
        _flat = flat;
    }

    /// <summary>An empty view.</summary>
    public static EntryValues Empty { get; } = new(new Dictionary<string, JsonElement>(0, StringComparer.Ordinal), EntryValueSource.None);

    /// <summary>Which of the API's shapes this view was built from.</summary>
    public EntryValueSource Source { get; }

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    IEnumerable<JsonElement> IReadOnlyDictionary<string, JsonElement>.Values => _values.Values;

    /// <summary>Gets the raw JSON value of a key.</summary>
    /// <param name="key">The field key.</param>
    /// <exception cref="KeyNotFoundException">The entry has no value for <paramref name="key"/>.</exception>
    public JsonElement this[string key] =>
        _values.TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"The entry has no value for the field key '{key}'.");

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value) => _values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => _values.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Builds a view from a JSON object of field key to value (the <c>values_flat</c> shape).</summary>
    /// <param name="flat">A JSON object.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentException"><paramref name="flat"/> is not a JSON object.</exception>
    public static EntryValues FromJson(JsonElement flat)
    {
        if (flat.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Entry values must be a JSON object, not {flat.ValueKind}.", nameof(flat));
        }

        return FromWire(flat.Clone(), default);
    }

    internal static EntryValues FromWire(JsonElement flat, JsonElement array)
    {
        if (flat.ValueKind == JsonValueKind.Object)
        {
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in flat.EnumerateObject())
            {
                values[property.Name] = property.Value;
            }

            return new EntryValues(values, EntryValueSource.Flat, flat);
        }

        if (array.ValueKind == JsonValueKind.Array)
        {
            var values = new Dictionary<string, JsonElement>(array.GetArrayLength(), StringComparer.Ordinal);
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && item.TryGetProperty("key", out var key)
                    && key.ValueKind == JsonValueKind.String)
                {
                    values[key.GetString()!] = item.TryGetProperty("value", out var value) ? value : default;
                }
            }

            return new EntryValues(values, EntryValueSource.Array);
        }

        // Some servers send the flat shape under "values".
        if (array.ValueKind == JsonValueKind.Object)
        {
            return FromWire(array, default);
        }

        return Empty;
    }

    /// <inheritdoc />
    public override string ToString() => $"EntryValues ({Count} from {Source})";
}
