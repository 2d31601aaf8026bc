using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>What is wrong with one value of an entry create or update, found against the entity's schema.</summary>
public enum EntryValueProblemKind
{
    /// <summary>The key is not a field of the entity.</summary>
    [JsonStringEnumMemberName("unknown_field")]
    UnknownField = 0,

    /// <summary>The value is not of the field's type (text for a number field, a list for a select field, ...).</summary>
    [JsonStringEnumMemberName("wrong_type")]
    WrongType = 1,

    /// <summary>A select or multi-select value is not among the field's options.</summary>
    [JsonStringEnumMemberName("not_an_option")]
    NotAnOption = 2,

    /// <summary>A required field has no value on create, or is cleared (null or blank) on create or update.</summary>
    [JsonStringEnumMemberName("required_missing")]
    RequiredMissing = 3,
}
