namespace ElasticFunnels.Crm;

public partial interface IEntriesClient
{
    /// <inheritdoc cref="CreateManyAsync(long, IEnumerable{EntryCreateRequest}, BulkOptions?, CrmRequestOptions, CancellationToken)"/>
    Task<BulkResult<Entry>> CreateManyAsync(long entityId, IEnumerable<EntryCreateRequest> requests, BulkOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates many entries (one <c>POST .../entities/{entity}/entries</c> each), at most
    /// <see cref="BulkOptions.MaxConcurrency"/> at a time, and reports every item's outcome.
    /// </summary>
    /// <remarks>
    /// <para>The result has one item per request, in input order: the created entry, or the exception
    /// that item failed with (an invalid item fails with an <see cref="ArgumentException"/> and is not
    /// sent; a refused one with its <see cref="CrmApiException"/> subclass). One item's failure never
    /// stops or loses the others; the method itself only throws for invalid arguments.</para>
    /// <para><b>Cancellation</b> stops items from <i>starting</i>; the ones in flight finish (within the
    /// client's <see cref="ElasticFunnelsCrmOptions.Timeout"/>), and the rest are
    /// <see cref="BulkItemStatus.NotAttempted"/>. The method then returns normally with
    /// <see cref="BulkResult{T}.IsCanceled"/> set, rather than throwing, so that you learn exactly which
    /// items were written. A create that failed with a timeout or a broken connection may still have
    /// been written by the server; to re-run a batch safely, give the entries references and use
    /// <see cref="UpsertManyByReferenceAsync(long, IEnumerable{EntryCreateRequest}, BulkOptions?, CancellationToken)"/>.</para>
    /// </remarks>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="requests">The entries to create.</param>
    /// <param name="options">Concurrency and progress reporting; <see langword="null"/> for the defaults.</param>
    /// <param name="requestOptions">Settings for each request of the batch (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Stops new items from starting.</param>
    /// <returns>One result per request, in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entityId"/> or <see cref="BulkOptions.MaxConcurrency"/> is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null.</exception>
    Task<BulkResult<Entry>> CreateManyAsync(long entityId, IEnumerable<EntryCreateRequest> requests, BulkOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateManyAsync(long, IEnumerable{BulkEntryUpdate}, BulkOptions?, CrmRequestOptions, CancellationToken)"/>
    Task<BulkResult<Entry>> UpdateManyAsync(long entityId, IEnumerable<BulkEntryUpdate> updates, BulkOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates many entries of an entity (one <c>PUT .../entities/{entity}/entries/{entry}</c> each), at
    /// most <see cref="BulkOptions.MaxConcurrency"/> at a time, and reports every item's outcome. Results,
    /// failures and cancellation work as in <see cref="CreateManyAsync(long, IEnumerable{EntryCreateRequest}, BulkOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="updates">The entries to update and their changes.</param>
    /// <param name="options">Concurrency and progress reporting; <see langword="null"/> for the defaults.</param>
    /// <param name="requestOptions">Settings for each request of the batch (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Stops new items from starting.</param>
    /// <returns>One result per update, in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entityId"/> or <see cref="BulkOptions.MaxConcurrency"/> is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="updates"/> is null.</exception>
    Task<BulkResult<Entry>> UpdateManyAsync(long entityId, IEnumerable<BulkEntryUpdate> updates, BulkOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpsertManyByReferenceAsync(long, IEnumerable{EntryCreateRequest}, BulkOptions?, CrmRequestOptions, CancellationToken)"/>
    Task<BulkResult<EntryUpsertResult>> UpsertManyByReferenceAsync(long entityId, IEnumerable<EntryCreateRequest> requests, BulkOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Upserts many entries by reference (see <see cref="UpsertByReferenceAsync(long, EntryCreateRequest, CancellationToken)"/>), at most
    /// <see cref="BulkOptions.MaxConcurrency"/> at a time. Items with the same reference run one after
    /// the other, so a batch that names a reference twice creates it once and then updates it. Results,
    /// failures and cancellation work as in <see cref="CreateManyAsync(long, IEnumerable{EntryCreateRequest}, BulkOptions?, CancellationToken)"/>; because an upsert looks before
    /// it writes, a batch can be re-run after a failure or a cancellation without creating duplicates.
    /// </summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="requests">The entries; each needs a reference type and id.</param>
    /// <param name="options">Concurrency and progress reporting; <see langword="null"/> for the defaults.</param>
    /// <param name="requestOptions">Settings for each request of the batch (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Stops new items from starting.</param>
    /// <returns>One result per request, in input order, each saying whether the entry was created.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entityId"/> or <see cref="BulkOptions.MaxConcurrency"/> is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is null.</exception>
    Task<BulkResult<EntryUpsertResult>> UpsertManyByReferenceAsync(long entityId, IEnumerable<EntryCreateRequest> requests, BulkOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
