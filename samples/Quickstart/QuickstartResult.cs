namespace Quickstart;

/// <summary>What a quickstart run did, for the program's exit and for tests.</summary>
public sealed record QuickstartResult
{
    public required long EntityId { get; init; }

    public required long PipelineId { get; init; }

    /// <summary>Entries created by the first upsert pass (0 on a rerun against the same server).</summary>
    public required int Created { get; init; }

    /// <summary>Entry count before and after upserting the same conversions a second time.</summary>
    public required long EntriesBeforeRepeat { get; init; }

    public required long EntriesAfterRepeat { get; init; }

    /// <summary>Entries seen while paging through the entity.</summary>
    public required int EntriesListed { get; init; }

    public required IReadOnlyList<BoardColumn> Board { get; init; }
}
