namespace ElasticFunnels.Crm;

/// <summary>The wire body of <c>PUT stages/reorder</c>.</summary>
internal sealed record StageReorderRequest(IReadOnlyList<StagePosition> Stages);
