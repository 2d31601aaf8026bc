namespace ElasticFunnels.Crm;

public partial interface IEntriesClient
{
    /// <summary>
    /// Lists every entry of an entity that matches the filters, newest first, fetching pages lazily
    /// (one page in memory at a time) until the last page. Each entry id is yielded at most once,
    /// even when entries are added while the list is being walked.
    /// </summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="options">Filters and page size; <see cref="EntryListOptions.Page"/> is the page to start at.</param>
    /// <param name="cancellationToken">Stops the enumeration; no further page is requested.</param>
    /// <returns>The entries, as an async sequence.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A page setting is out of range; nothing was sent.</exception>
    IAsyncEnumerable<Entry> ListAsync(long entityId, EntryListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the entry linked to <see cref="EntryCreateRequest.ReferenceType"/> and
    /// <see cref="EntryCreateRequest.ReferenceId"/> and updates it, or creates it when there is none.
    /// Upserts of the same reference through one client run one at a time, so concurrent calls (a
    /// redelivered webhook, say) create one entry, not several.
    /// </summary>
    /// <remarks>
    /// An existing entry gets the request's title, values, reference and assignment; its pipeline and
    /// stage are left where they are, so a repeated upsert never moves an entry back to the first stage.
    /// </remarks>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="request">The entry; <see cref="EntryCreateRequest.ReferenceType"/> and <see cref="EntryCreateRequest.ReferenceId"/> are required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, and whether it was created.</returns>
    Task<EntryUpsertResult> UpsertByReferenceAsync(long entityId, EntryCreateRequest request, CancellationToken cancellationToken = default);
}
