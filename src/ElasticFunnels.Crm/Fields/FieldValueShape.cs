namespace ElasticFunnels.Crm;

/// <summary>
/// The .NET shape a custom field's value reads as (see <see cref="FieldType.Shape"/>), and the
/// <see cref="EntryValues"/> method that reads it.
/// </summary>
public enum FieldValueShape
{
    /// <summary>A type the SDK does not know: read the raw JSON with <see cref="EntryValues.GetJson(string)"/>.</summary>
    Unknown = 0,

    /// <summary>A <see cref="string"/> (text, textarea, rich_text, wysiwyg, email, phone, url, color, image, file): <see cref="EntryValues.GetString(string)"/>.</summary>
    Text,

    /// <summary>A <see cref="decimal"/> (number, decimal, currency): <see cref="EntryValues.GetDecimal(string)"/>, or <see cref="EntryValues.GetDouble(string)"/> and <see cref="EntryValues.GetInt64(string)"/>.</summary>
    Number,

    /// <summary>A <see cref="long"/> (integer): <see cref="EntryValues.GetInt64(string)"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after the vendor's field type.")]
    Integer,

    /// <summary>A <see cref="bool"/> (boolean, checkbox): <see cref="EntryValues.GetBoolean(string)"/>.</summary>
    Boolean,

    /// <summary>A <see cref="DateOnly"/> (date): <see cref="EntryValues.GetDate(string)"/>.</summary>
    Date,

    /// <summary>A <see cref="DateTimeOffset"/> (datetime): <see cref="EntryValues.GetDateTime(string)"/>.</summary>
    DateTime,

    /// <summary>A <see cref="TimeOnly"/> (time): <see cref="EntryValues.GetTime(string)"/>.</summary>
    Time,

    /// <summary>One option value as a <see cref="string"/> (select, radio): <see cref="EntryValues.GetString(string)"/>.</summary>
    Option,

    /// <summary>Option values as a read-only list of strings (multi_select): <see cref="EntryValues.GetStrings(string)"/>.</summary>
    Options,

    /// <summary>Any JSON as a <see cref="System.Text.Json.JsonElement"/> (json): <see cref="EntryValues.GetJson(string)"/>.</summary>
    Json,

    /// <summary>One entry id as a <see cref="string"/> (reference): <see cref="EntryValues.GetEntryId(string)"/>.</summary>
    Reference,

    /// <summary>Entry ids as a read-only list of strings (multi_reference): <see cref="EntryValues.GetEntryIds(string)"/>.</summary>
    References,
}
