using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>One problem with the values of an entry create or update, found against the entity's schema.</summary>
/// <param name="Key">The field key the problem is about.</param>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Message">A sentence that says what to fix, e.g. <c>'lead_source' must be one of Facebook, Google (was "TikTok").</c></param>
public sealed record EntryValueProblem(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("kind"), JsonConverter(typeof(JsonStringEnumConverter<EntryValueProblemKind>))] EntryValueProblemKind Kind,
    [property: JsonPropertyName("message")] string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
