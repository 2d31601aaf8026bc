namespace Quickstart;

/// <summary>Knobs of a quickstart run.</summary>
public sealed class QuickstartOptions
{
    /// <summary>Entries per page while walking the entity; small by default so paging is visible.</summary>
    public int PageSize { get; init; } = 2;

    /// <summary>How many entries the walk prints (all are counted).</summary>
    public int MaxPrintedEntries { get; init; } = 20;
}
