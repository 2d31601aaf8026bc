namespace ElasticFunnels.Crm;

/// <summary>The wire body of a move-stage request.</summary>
internal sealed record EntryStageRequest(long StageId);
