namespace ElasticFunnels.Crm;

public partial interface IEntriesClient
{
    /// <inheritdoc cref="ListAsync(long, EntryListOptions?, CrmRequestOptions, CancellationToken)"/>
    Task<CrmPage<Entry>> ListAsync(long entityId, EntryListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets one page of an entity's entries, newest first (<c>GET .../crm/entities/{entity}/entries</c>):
    /// one request, like every other <c>ListAsync</c>. To walk every page, use
    /// <see cref="ListAutoPagingAsync(long, EntryListOptions?, CancellationToken)"/>.
    /// </summary>
    /// <remarks>
    /// The page carries its raw response (<see cref="CrmPage{T}.RawResponse"/>), the total and, when a page
    /// follows, a <see cref="CrmPage{T}.ContinuationToken"/> that resumes an auto-paging walk after it:
    /// <c>crm.Entries.ListAutoPagingAsync(entityId, options).AsPages(page.ContinuationToken)</c>.
    /// </remarks>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="options">Filters and page settings; <see langword="null"/> for the first page with the API's defaults (25 per page).</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="EntryListOptions.PerPage"/> is outside 1..100 or <see cref="EntryListOptions.Page"/> is below 1; nothing was sent.</exception>
    Task<CrmPage<Entry>> ListAsync(long entityId, EntryListOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAutoPagingAsync(long, EntryListOptions?, CrmRequestOptions, CancellationToken)"/>
    CrmAsyncPageable<Entry> ListAutoPagingAsync(long entityId, EntryListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Walks every entry of an entity that matches the filters, newest first, fetching pages lazily
    /// (<c>page</c> and <c>per_page</c> on each request) and stopping after the last page. Enumerate it
    /// with <c>await foreach</c>, or walk it page by page with
    /// <see cref="CrmAsyncPageable{T}.AsPages(string?, int?)"/>, whose pages carry the total, the last
    /// page number and a continuation token to resume later.
    /// </summary>
    /// <remarks>
    /// <para>Nothing is sent until enumeration starts; arguments are checked now. Pages are requested
    /// with <see cref="EntryListOptions.PerPage"/>, or 100 (the API's maximum, for the fewest requests)
    /// when it is not set. One page of entries is held at a time, plus the ids (strings only) of the
    /// last 1,000 entries yielded.</para>
    /// <para><b>Changing data.</b> The API pages by number over a list that can change between two
    /// requests. One enumeration yields each entry id at most once: an entry added before the cursor
    /// pushes rows onto the next page, and those repeats are dropped. When the total shrinks between two
    /// requests (entries removed, or moved out of the filter), rows move up and could be skipped, so the
    /// enumeration steps back and requests the earlier page(s) again. Both hold as long as fewer than
    /// 1,000 entries are added or removed between two consecutive page requests; beyond that an entry
    /// can repeat. Entries added after the cursor has passed their position are not yielded (the list
    /// is not a snapshot). The step back is triggered by a smaller total, so an entry leaving the list
    /// behind the cursor while an older one joins it ahead of the cursor (the total unchanged) can
    /// still let one row slip past.</para>
    /// <para><b>Resuming.</b> A continuation token resumes at the page after the one it came with, with
    /// the same page size, and carries fingerprints of the ids yielded last, so the rows that shift onto
    /// that page while the walk was stopped are still dropped; it is rejected for another entity or
    /// other filters. Across a pause, the same limits apply to the changes made while stopped.</para>
    /// </remarks>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="options">Filters and page size; <see cref="EntryListOptions.Page"/> is the page to start at.</param>
    /// <param name="requestOptions">Settings for each page request (timeout, extra headers, retries); the token bounds the whole walk.</param>
    /// <param name="cancellationToken">Stops the enumeration; no further page is requested.</param>
    /// <returns>The entries, lazily; it implements <see cref="IAsyncEnumerable{T}"/>. Each page carries its raw response.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A page setting or id is out of range; nothing was sent.</exception>
    CrmAsyncPageable<Entry> ListAutoPagingAsync(long entityId, EntryListOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
