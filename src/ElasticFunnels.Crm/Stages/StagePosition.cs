namespace ElasticFunnels.Crm;

/// <summary>A stage and the position it should take, for <see cref="IStagesClient.ReorderAsync(IEnumerable{StagePosition}, CancellationToken)"/>.</summary>
/// <param name="Id">The stage id.</param>
/// <param name="Position">The 0-based position.</param>
public sealed record StagePosition(long Id, int Position);
