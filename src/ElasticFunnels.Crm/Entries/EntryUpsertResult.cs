namespace ElasticFunnels.Crm;

/// <summary>The outcome of <see cref="IEntriesClient.UpsertByReferenceAsync"/>.</summary>
/// <param name="Entry">The entry as the API answered the create or update.</param>
/// <param name="Created">True when the entry was created, false when an existing one was updated.</param>
public sealed record EntryUpsertResult(Entry Entry, bool Created);
