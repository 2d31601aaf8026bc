using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// The outcome of a bulk operation: one <see cref="BulkItemResult{T}"/> per input item, in input order,
/// whatever happened to the others.
/// </summary>
/// <remarks>
/// Serializes with System.Text.Json as <c>{"items", "succeeded", "failed", "not_attempted", "is_canceled"}</c>
/// (see <see cref="BulkItemResult{T}"/> for one item) and reads back from that; the counts are recomputed from the items.
/// </remarks>
/// <typeparam name="T">The result type of one item.</typeparam>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class BulkResult<T>
{
    /// <summary>Creates a result (for tests and mocks; the bulk methods make their own).</summary>
    /// <param name="items">One result per input item, in input order; item <c>i</c> must have <see cref="BulkItemResult{T}.Index"/> <c>i</c>.</param>
    /// <param name="isCanceled">Whether the operation was cancelled before every item was started.</param>
    /// <exception cref="ArgumentException">An item's index does not match its position.</exception>
    [JsonConstructor]
    public BulkResult(IReadOnlyList<BulkItemResult<T>> items, bool isCanceled)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null || items[i].Index != i)
            {
                throw new ArgumentException($"items[{i}] must be the result of input item {i}.", nameof(items));
            }

            switch (items[i].Status)
            {
                case BulkItemStatus.Succeeded: Succeeded++; break;
                case BulkItemStatus.Failed: Failed++; break;
                default: NotAttempted++; break;
            }
        }

        Items = items;
        IsCanceled = isCanceled;
    }

    /// <summary>One result per input item, in input order.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<BulkItemResult<T>> Items { get; }

    /// <summary>The number of items written.</summary>
    [JsonPropertyName("succeeded")]
    public int Succeeded { get; }

    /// <summary>The number of items that failed.</summary>
    [JsonPropertyName("failed")]
    public int Failed { get; }

    /// <summary>The number of items never sent because the operation was cancelled first.</summary>
    [JsonPropertyName("not_attempted")]
    public int NotAttempted { get; }

    /// <summary>
    /// Whether cancellation stopped the operation before every item was started. Items started before
    /// that were allowed to finish, so each item is exactly one of succeeded, failed or not attempted.
    /// </summary>
    [JsonPropertyName("is_canceled")]
    public bool IsCanceled { get; }

    /// <summary>Whether every item was written.</summary>
    [JsonIgnore]
    public bool AllSucceeded => Succeeded == Items.Count;

    /// <summary>The items that failed, in input order.</summary>
    [JsonIgnore]
    public IEnumerable<BulkItemResult<T>> Failures => Items.Where(i => i.Status == BulkItemStatus.Failed);

    /// <inheritdoc />
    public override string ToString() =>
        $"BulkResult {Succeeded} succeeded, {Failed} failed, {NotAttempted} not attempted of {Items.Count}{(IsCanceled ? " (cancelled)" : string.Empty)}";
}
