using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>The outcome of <see cref="IEntriesClient.UpsertByReferenceAsync(long, EntryCreateRequest, CancellationToken)"/>.</summary>
/// <param name="Entry">The entry as the API answered the create or update.</param>
/// <param name="Created">True when the entry was created, false when an existing one was updated.</param>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed record EntryUpsertResult(
    [property: JsonPropertyName("entry")] Entry Entry,
    [property: JsonPropertyName("created")] bool Created)
{
    /// <summary>
    /// How many entries matched the reference when it was looked up: 0 when the entry was created, 1
    /// normally, more when duplicates exist (made by other clients or processes; the oldest of them was
    /// updated). Remove the extra ones if the number is above 1.
    /// </summary>
    [JsonPropertyName("match_count")]
    public long MatchCount { get; init; }
}
