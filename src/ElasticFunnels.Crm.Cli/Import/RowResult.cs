namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>One line of the results file: what happened to one data row.</summary>
/// <param name="Row">The 1-based data row (the header is not a row).</param>
/// <param name="Line">The 1-based line of the file the row starts on.</param>
/// <param name="Status"><c>created</c>, <c>updated</c> or <c>failed</c>.</param>
/// <param name="EntryId">The entry written, when it was.</param>
/// <param name="ReferenceId">The row's reference id, when it has one.</param>
/// <param name="Error">Why the row failed: every problem found in it, or the API's answer.</param>
internal sealed record RowResult(int Row, int Line, string Status, string? EntryId, string? ReferenceId, string? Error)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Failed = "failed";

    public bool IsFailed => Status == Failed;
}
