namespace CrmCli;

/// <summary>The outcome of one CSV row: its 1-based data row number, what happened, the entry id or why it failed.</summary>
public sealed record ImportRowResult(int Row, ImportRowStatus Status, string? EntryId, string? Message);
