using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>One page of entries, as the API answers a list request.</summary>
public sealed class EntryPage
{
    private readonly IReadOnlyList<Entry> _entries = [];

    /// <summary>The entries of this page, newest first.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<Entry> Entries { get => _entries; init => _entries = value ?? []; }

    /// <summary>The 1-based number of this page (1 when the API does not say).</summary>
    public int CurrentPage { get => Math.Max(1, field); init; }

    /// <summary>The number of the last page (at least 1).</summary>
    public int LastPage { get => Math.Max(1, field); init; }

    /// <summary>The page size the server used.</summary>
    public int PerPage { get; init; }

    /// <summary>The number of entries matching the query across all pages.</summary>
    public long Total { get; init; }

    /// <summary>Whether a page follows this one.</summary>
    [JsonIgnore]
    public bool HasMore => CurrentPage < LastPage;

    /// <inheritdoc />
    public override string ToString() => $"EntryPage {CurrentPage}/{LastPage} ({Entries.Count} of {Total})";
}
