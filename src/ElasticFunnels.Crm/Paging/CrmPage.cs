using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// One page of a <see cref="CrmAsyncPageable{T}"/>: its values, where it sits in the list, and the
/// token that resumes the list after it.
/// </summary>
/// <remarks>
/// Serializes with System.Text.Json as <c>{"values": [...], "page_number", "last_page", "per_page", "total",
/// "continuation_token"}</c> and reads back from that; <see cref="HasMore"/> follows from the token.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class CrmPage<T>
{
    private readonly IReadOnlyList<T> _values = [];

    /// <summary>
    /// The items of this page, in the API's order, without the ones an earlier page of the same
    /// enumeration already yielded (so it can hold fewer than <see cref="PerPage"/> items, or none).
    /// </summary>
    [JsonPropertyName("values")]
    public IReadOnlyList<T> Values { get => _values; init => _values = value ?? []; }

    /// <summary>The 1-based number of this page, as the API answered it.</summary>
    [JsonPropertyName("page_number")]
    public int PageNumber { get; init; }

    /// <summary>The number of the last page when this page was fetched; it can change while data changes.</summary>
    [JsonPropertyName("last_page")]
    public int LastPage { get; init; }

    /// <summary>The page size used for the request.</summary>
    [JsonPropertyName("per_page")]
    public int PerPage { get; init; }

    /// <summary>The number of items matching the query when this page was fetched.</summary>
    [JsonPropertyName("total")]
    public long Total { get; init; }

    /// <summary>
    /// An opaque string that resumes the list with the page after this one (pass it to
    /// <see cref="CrmAsyncPageable{T}.AsPages(string?, int?)"/>); <see langword="null"/> on the last page.
    /// Safe to persist: it holds page numbers and fingerprints, no entry data.
    /// </summary>
    [JsonPropertyName("continuation_token")]
    public string? ContinuationToken { get; init; }

    /// <summary>Whether a page follows this one: the page asked for was below <see cref="LastPage"/> and was not empty (then <see cref="ContinuationToken"/> is set).</summary>
    [JsonIgnore]
    public bool HasMore => ContinuationToken is not null;

    /// <summary>
    /// The raw response this page came with: status, headers, request id, attempts and duration;
    /// <see langword="null"/> for a page built by hand (see <see cref="CrmAsyncPageable{T}.FromPages"/>).
    /// </summary>
    [JsonIgnore]
    public CrmResponse? RawResponse { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"Page {PageNumber}/{LastPage} ({Values.Count} of {Total})";
}
