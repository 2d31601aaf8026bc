using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>Where a bulk operation stands, as reported to <see cref="BulkOptions.Progress"/>.</summary>
/// <param name="Total">The number of items in the batch.</param>
/// <param name="Succeeded">Items written so far.</param>
/// <param name="Failed">Items that failed so far.</param>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public readonly record struct BulkProgress(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("succeeded")] int Succeeded,
    [property: JsonPropertyName("failed")] int Failed)
{
    /// <summary>Items finished so far, succeeded or failed.</summary>
    [JsonPropertyName("completed")]
    public int Completed => Succeeded + Failed;
}
