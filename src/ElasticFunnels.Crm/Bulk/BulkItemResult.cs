using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>The outcome of one item of a bulk operation.</summary>
/// <remarks>
/// Serializes with System.Text.Json as <c>{"index", "status", "value", "error"}</c>: a failure is written as
/// its <see cref="Error"/> (type, message, status), never as the exception itself. An item read back from
/// JSON has the same <see cref="Error"/> and no <see cref="Exception"/>.
/// </remarks>
/// <typeparam name="T">The result type of one item (an <see cref="Entry"/>, or an <see cref="EntryUpsertResult"/>).</typeparam>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class BulkItemResult<T>
{
    private BulkItemResult(int index, BulkItemStatus status, T? value, Exception? exception)
    {
        Index = index;
        Status = status;
        Value = value;
        Exception = exception;
        Error = exception is null ? null : BulkItemError.From(exception);
    }

    [JsonConstructor]
    internal BulkItemResult(int index, BulkItemStatus status, T? value, BulkItemError? error)
    {
        Index = index;
        Status = status;
        Value = value;
        Error = error;
    }

    /// <summary>The position of the item in the input, 0-based.</summary>
    [JsonPropertyName("index")]
    public int Index { get; }

    /// <summary>What happened to the item.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(JsonStringEnumConverter<BulkItemStatus>))]
    public BulkItemStatus Status { get; }

    /// <summary>The API's answer when the item succeeded; otherwise default.</summary>
    [JsonPropertyName("value")]
    public T? Value { get; }

    /// <summary>
    /// Why the item failed; <see langword="null"/> unless <see cref="Status"/> is <see cref="BulkItemStatus.Failed"/>,
    /// and for an item read back from JSON (see <see cref="Error"/>).
    /// </summary>
    [JsonIgnore]
    public Exception? Exception { get; }

    /// <summary>
    /// Why the item failed, as data that can be serialized (the exception's type, message and, when the API
    /// answered, status and field errors); <see langword="null"/> unless <see cref="Status"/> is <see cref="BulkItemStatus.Failed"/>.
    /// </summary>
    [JsonPropertyName("error")]
    public BulkItemError? Error { get; }

    /// <summary>Whether the item was written.</summary>
    [JsonIgnore]
    public bool IsSuccess => Status == BulkItemStatus.Succeeded;

    /// <summary>A succeeded item (for tests and mocks).</summary>
    /// <param name="index">The position of the item in the input.</param>
    /// <param name="value">The API's answer.</param>
    /// <returns>The result.</returns>
    [SuppressMessage("Design", "CA1000", Justification = "A factory on the type it makes reads best in tests: BulkItemResult<Entry>.Success(0, entry).")]
    public static BulkItemResult<T> Success(int index, T value) => new(CheckIndex(index), BulkItemStatus.Succeeded, value, error: null);

    /// <summary>A failed item (for tests and mocks).</summary>
    /// <param name="index">The position of the item in the input.</param>
    /// <param name="exception">Why it failed.</param>
    /// <returns>The result.</returns>
    [SuppressMessage("Design", "CA1000", Justification = "A factory on the type it makes reads best in tests: BulkItemResult<Entry>.Success(0, entry).")]
    public static BulkItemResult<T> Failure(int index, Exception exception) =>
        new(CheckIndex(index), BulkItemStatus.Failed, default, exception ?? throw new ArgumentNullException(nameof(exception)));

    /// <summary>An item that was never sent (for tests and mocks).</summary>
    /// <param name="index">The position of the item in the input.</param>
    /// <returns>The result.</returns>
    [SuppressMessage("Design", "CA1000", Justification = "A factory on the type it makes reads best in tests: BulkItemResult<Entry>.Success(0, entry).")]
    public static BulkItemResult<T> NotAttempted(int index) => new(CheckIndex(index), BulkItemStatus.NotAttempted, default, error: null);

    /// <inheritdoc />
    public override string ToString() => Status switch
    {
        BulkItemStatus.Succeeded => $"#{Index} succeeded: {Value}",
        BulkItemStatus.Failed => $"#{Index} failed: {Exception?.GetType().Name ?? Error?.Type}: {Error?.Message}",
        _ => $"#{Index} not attempted",
    };

    private static int CheckIndex(int index) =>
        index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "index must be 0 or greater.");
}
