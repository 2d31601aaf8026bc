namespace ElasticFunnels.Crm;

/// <summary>One item of <see cref="IEntriesClient.UpdateManyAsync(long, IEnumerable{BulkEntryUpdate}, BulkOptions?, CancellationToken)"/>: which entry to update, and how.</summary>
/// <param name="EntryId">The entry id (an opaque string).</param>
/// <param name="Request">The changes; only what is set is sent.</param>
public sealed record BulkEntryUpdate(string EntryId, EntryUpdateRequest Request);
