using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// One page of entries as the API answers a list request (<c>{data, current_page, last_page, per_page, total}</c>);
/// the SDK hands it to callers as a <see cref="CrmPage{T}"/>.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
internal sealed class EntryPage
{
    private IReadOnlyList<Entry> _entries = [];

    /// <summary>The entries of this page, newest first.</summary>
    [JsonPropertyName("data")]
    [JsonInclude]
    public IReadOnlyList<Entry> Entries { get => _entries; internal set => _entries = value ?? []; }

    /// <summary>The 1-based number of this page (1 when the API does not say).</summary>
    [JsonPropertyName("current_page")]
    [JsonInclude]
    public int CurrentPage { get => Math.Max(1, field); internal set; }

    /// <summary>The number of the last page (at least 1).</summary>
    [JsonPropertyName("last_page")]
    [JsonInclude]
    public int LastPage { get => Math.Max(1, field); internal set; }

    /// <summary>The page size the server used.</summary>
    [JsonPropertyName("per_page")]
    [JsonInclude]
    public int PerPage { get; internal set; }

    /// <summary>The number of entries matching the query across all pages.</summary>
    [JsonPropertyName("total")]
    [JsonInclude]
    public long Total { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"EntryPage {CurrentPage}/{LastPage} ({Entries.Count} of {Total})";
}
