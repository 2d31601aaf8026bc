using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ElasticFunnels.Crm;

// Typed reads. Each Get... throws CrmValueException (Missing, Null or WrongType); each TryGet... returns
// false in those three cases and never throws; GetState tells the three apart.
public sealed partial class EntryValues
{
    /// <summary>Whether the entry has a value for <paramref name="key"/>: missing, JSON <c>null</c>, or present.</summary>
    /// <param name="key">The field key (ordinal, case-sensitive).</param>
    /// <returns>The state; <see cref="EntryValueState.Missing"/> for a null key.</returns>
    public EntryValueState GetState(string key)
    {
        if (key is null || !_values.TryGetValue(key, out var value))
        {
            return EntryValueState.Missing;
        }

        return value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? EntryValueState.Null : EntryValueState.Present;
    }

    /// <summary>Reads the raw JSON of any field that is not <c>null</c> (a <c>json</c> field, or a type the SDK does not know).</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The JSON value.</returns>
    /// <exception cref="CrmValueException">The key is missing or its value is <c>null</c> (see <see cref="CrmValueException.Reason"/>).</exception>
    public JsonElement GetJson(string key) =>
        TryGetJson(key, out var value) ? value : throw Fail(key, "JSON value");

    /// <summary>Reads the raw JSON of any field that is not <c>null</c>; never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The JSON value, when there is one.</param>
    /// <returns>Whether the key has a value other than <c>null</c>.</returns>
    public bool TryGetJson(string key, out JsonElement value)
    {
        value = default;
        return key is not null
            && _values.TryGetValue(key, out value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    /// <summary>Reads a text-like field (text, textarea, rich_text, wysiwyg, email, phone, url, color, image, file) or a <c>select</c>/<c>radio</c> field. A JSON string reads as is; a JSON number reads as its JSON text (a phone number or zip code the server sent as a number), so <c>"12.50"</c> and <c>12.50</c> both read as <c>12.50</c>.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public string GetString(string key) =>
        TryGetString(key, out var v) ? v! : throw Fail(key, "string");

    /// <summary>Reads a text-like field (text, textarea, rich_text, wysiwyg, email, phone, url, color, image, file) or a <c>select</c>/<c>radio</c> field. A JSON string reads as is; a JSON number reads as its JSON text (a phone number or zip code the server sent as a number), so <c>"12.50"</c> and <c>12.50</c> both read as <c>12.50</c>. Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetString(string key, [NotNullWhen(true)] out string? value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryString(json, out value);
    }

    /// <summary>Reads a <c>number</c>, <c>decimal</c> or <c>currency</c> field, exactly (no rounding through <see cref="double"/>). A JSON number or a string holding one (<c>"1200.50"</c>, invariant culture) reads.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public decimal GetDecimal(string key) =>
        TryGetDecimal(key, out var v) ? v : throw Fail(key, "decimal");

    /// <summary>Reads a <c>number</c>, <c>decimal</c> or <c>currency</c> field, exactly (no rounding through <see cref="double"/>). A JSON number or a string holding one (<c>"1200.50"</c>, invariant culture) reads. Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetDecimal(string key, out decimal value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryDecimal(json, out value);
    }

    /// <summary>Reads a number field as a <see cref="double"/> (what the API stores). A JSON number or a string holding one reads; a value beyond the range of <see cref="double"/> does not.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public double GetDouble(string key) =>
        TryGetDouble(key, out var v) ? v : throw Fail(key, "double");

    /// <summary>Reads a number field as a <see cref="double"/> (what the API stores). A JSON number or a string holding one reads; a value beyond the range of <see cref="double"/> does not. Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetDouble(string key, out double value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryDouble(json, out value);
    }

    /// <summary>Reads a whole number (an <c>integer</c> field, or a number field holding a whole number). <c>12</c>, <c>12.0</c> and <c>"12"</c> read as 12; <c>12.5</c> does not read.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public long GetInt64(string key) =>
        TryGetInt64(key, out var v) ? v : throw Fail(key, "long");

    /// <summary>Reads a whole number (an <c>integer</c> field, or a number field holding a whole number). <c>12</c>, <c>12.0</c> and <c>"12"</c> read as 12; <c>12.5</c> does not read. Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetInt64(string key, out long value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryInt64(json, out value);
    }

    /// <summary>Reads a <c>boolean</c> or <c>checkbox</c> field. <c>true</c>/<c>false</c> read, and, because the API is built on Laravel, also <c>1</c>/<c>0</c> and the strings <c>"1"</c>/<c>"0"</c>/<c>"true"</c>/<c>"false"</c> (any case); anything else (<c>"yes"</c>, <c>2</c>) does not.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public bool GetBoolean(string key) =>
        TryGetBoolean(key, out var v) ? v : throw Fail(key, "bool");

    /// <summary>Reads a <c>boolean</c> or <c>checkbox</c> field. <c>true</c>/<c>false</c> read, and, because the API is built on Laravel, also <c>1</c>/<c>0</c> and the strings <c>"1"</c>/<c>"0"</c>/<c>"true"</c>/<c>"false"</c> (any case); anything else (<c>"yes"</c>, <c>2</c>) does not. Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetBoolean(string key, out bool value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryBoolean(json, out value);
    }

    /// <summary>Reads a <c>date</c> field. <c>yyyy-MM-dd</c> reads, and so does a full timestamp, whose calendar date as written is taken (the offset is not applied: <c>2024-12-31T23:00:00-05:00</c> is 31 December).</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public DateOnly GetDate(string key) =>
        TryGetDate(key, out var v) ? v : throw Fail(key, "DateOnly");

    /// <summary>Reads a <c>date</c> field. <c>yyyy-MM-dd</c> reads, and so does a full timestamp, whose calendar date as written is taken (the offset is not applied: <c>2024-12-31T23:00:00-05:00</c> is 31 December). Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetDate(string key, out DateOnly value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryDate(json, out value);
    }

    /// <summary>Reads a <c>datetime</c> field. Every form the vendor uses reads: <c>2024-12-11T10:00:00.000000Z</c>, <c>2024-12-11T10:00:00Z</c>, <c>2026-04-18T13:45:21+00:00</c>, <c>2024-12-11 10:00:00</c> (UTC), a bare date (midnight UTC) and Unix seconds (a number or a string of digits). The offset is kept as written.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public DateTimeOffset GetDateTime(string key) =>
        TryGetDateTime(key, out var v) ? v : throw Fail(key, "DateTimeOffset");

    /// <summary>Reads a <c>datetime</c> field. Every form the vendor uses reads: <c>2024-12-11T10:00:00.000000Z</c>, <c>2024-12-11T10:00:00Z</c>, <c>2026-04-18T13:45:21+00:00</c>, <c>2024-12-11 10:00:00</c> (UTC), a bare date (midnight UTC) and Unix seconds (a number or a string of digits). The offset is kept as written. Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetDateTime(string key, out DateTimeOffset value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryDateTime(json, out value);
    }

    /// <summary>Reads a <c>time</c> field: <c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.fffffff</c>.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public TimeOnly GetTime(string key) =>
        TryGetTime(key, out var v) ? v : throw Fail(key, "TimeOnly");

    /// <summary>Reads a <c>time</c> field: <c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.fffffff</c>. Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetTime(string key, out TimeOnly value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryTime(json, out value);
    }

    /// <summary>Reads a <c>multi_select</c> field: a JSON array of strings (numbers read as their JSON text); an empty array is an empty list. A single string is not a list and does not read.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public IReadOnlyList<string> GetStrings(string key) =>
        TryGetStrings(key, out var v) ? v! : throw Fail(key, "list of strings");

    /// <summary>Reads a <c>multi_select</c> field: a JSON array of strings (numbers read as their JSON text); an empty array is an empty list. A single string is not a list and does not read. Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetStrings(string key, [NotNullWhen(true)] out IReadOnlyList<string>? value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryStrings(json, out value);
    }

    /// <summary>Reads a <c>reference</c> field: the id of the entry it points at. Entry ids are strings; a JSON number reads as its text.</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public string GetEntryId(string key) =>
        TryGetEntryId(key, out var v) ? v! : throw Fail(key, "entry id");

    /// <summary>Reads a <c>reference</c> field: the id of the entry it points at. Entry ids are strings; a JSON number reads as its text. Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetEntryId(string key, [NotNullWhen(true)] out string? value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryEntryId(json, out value);
    }

    /// <summary>Reads a <c>multi_reference</c> field: a JSON array of entry ids (strings, or numbers read as their text).</summary>
    /// <param name="key">The field key.</param>
    /// <returns>The value.</returns>
    /// <exception cref="CrmValueException">The key is missing, its value is <c>null</c>, or it cannot be read this way (see <see cref="CrmValueException.Reason"/>).</exception>
    public IReadOnlyList<string> GetEntryIds(string key) =>
        TryGetEntryIds(key, out var v) ? v! : throw Fail(key, "list of entry ids");

    /// <summary>Reads a <c>multi_reference</c> field: a JSON array of entry ids (strings, or numbers read as their text). Never throws.</summary>
    /// <param name="key">The field key.</param>
    /// <param name="value">The value, when it reads.</param>
    /// <returns>Whether the key has a value that reads this way; false for a missing key, <c>null</c> or another type (<see cref="GetState(string)"/> tells which).</returns>
    public bool TryGetEntryIds(string key, [NotNullWhen(true)] out IReadOnlyList<string>? value)
    {
        value = default;
        return TryGetJson(key, out var json) && ValueReader.TryEntryIds(json, out value);
    }

    private CrmValueException Fail(string key, string expectedType)
    {
        ArgumentNullException.ThrowIfNull(key);
        var found = _values.TryGetValue(key, out var value);
        return CrmValueException.For(key, expectedType, value, found);
    }
}
