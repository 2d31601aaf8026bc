using System.Diagnostics.CodeAnalysis;

namespace ElasticFunnels.Crm;

/// <summary>The outcome of one item of a bulk operation.</summary>
/// <typeparam name="T">The result type of one item (an <see cref="Entry"/>, or an <see cref="EntryUpsertResult"/>).</typeparam>
public sealed class BulkItemResult<T>
{
    private BulkItemResult(int index, BulkItemStatus status, T? value, Exception? exception)
    {
        Index = index;
        Status = status;
        Value = value;
        Exception = exception;
    }

    /// <summary>The position of the item in the input, 0-based.</summary>
    public int Index { get; }

    /// <summary>What happened to the item.</summary>
    public BulkItemStatus Status { get; }

    /// <summary>The API's answer when the item succeeded; otherwise default.</summary>
    public T? Value { get; }

    /// <summary>Why the item failed; <see langword="null"/> unless <see cref="Status"/> is <see cref="BulkItemStatus.Failed"/>.</summary>
    public Exception? Exception { get; }

    /// <summary>Whether the item was written.</summary>
    public bool IsSuccess => Status == BulkItemStatus.Succeeded;

    /// <summary>A succeeded item (for tests and mocks).</summary>
    /// <param name="index">The position of the item in the input.</param>
    /// <param name="value">The API's answer.</param>
    /// <returns>The result.</returns>
    [SuppressMessage("Design", "CA1000", Justification = "A factory on the type it makes reads best in tests: BulkItemResult<Entry>.Success(0, entry).")]
    public static BulkItemResult<T> Success(int index, T value) => new(CheckIndex(index), BulkItemStatus.Succeeded, value, null);

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
    public static BulkItemResult<T> NotAttempted(int index) => new(CheckIndex(index), BulkItemStatus.NotAttempted, default, null);

    /// <inheritdoc />
    public override string ToString() => Status switch
    {
        BulkItemStatus.Succeeded => $"#{Index} succeeded: {Value}",
        BulkItemStatus.Failed => $"#{Index} failed: {Exception!.GetType().Name}: {Exception.Message}",
        _ => $"#{Index} not attempted",
    };

    private static int CheckIndex(int index) =>
        index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "index must be 0 or greater.");
}
