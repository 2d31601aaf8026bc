namespace ElasticFunnels.Crm;

public partial interface IEntriesClient
{
    /// <inheritdoc cref="UpsertByReferenceAsync(long, EntryCreateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<EntryUpsertResult> UpsertByReferenceAsync(long entityId, EntryCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the entry linked to <see cref="EntryCreateRequest.ReferenceType"/> and
    /// <see cref="EntryCreateRequest.ReferenceId"/> and updates it (<c>PUT .../entities/{entity}/entries/{entry}</c>),
    /// or creates it when there is none (<c>POST .../entities/{entity}/entries</c>). Upserts of the same
    /// reference through one client run one at a time, so concurrent calls (a redelivered webhook, say)
    /// create one entry, not several.
    /// </summary>
    /// <remarks>
    /// <para>An existing entry gets the request's title, values, reference and assignment; its pipeline
    /// and stage are left where they are, so a repeated upsert never moves an entry back to the first stage.</para>
    /// <para>The lookup lists entries with the <c>reference_type</c> and <c>reference_id</c> filters and
    /// only takes an entry that reports exactly that reference. When several match (duplicates made
    /// elsewhere), the oldest one (the last in the API's newest-first order) is updated, so repeated
    /// upserts always land on the same entry; <see cref="EntryUpsertResult.MatchCount"/> says how many
    /// matched. A new entry can take a moment to appear in searches, so the client remembers the entries
    /// it created by reference (for up to 10 minutes, or until a search finds them) and updates those
    /// rather than creating a twin. If the entry to update has been deleted (404), it is created again.</para>
    /// <para>The guarantee is per client instance: two processes, or two clients, upserting the same
    /// reference at the same moment can still create two entries, because the API has no idempotency
    /// key or unique constraint. Keep one client per brand (it is meant to be a singleton).</para>
    /// </remarks>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="request">The entry; <see cref="EntryCreateRequest.ReferenceType"/> and <see cref="EntryCreateRequest.ReferenceId"/> are required.</param>
    /// <param name="requestOptions">Settings for each request the upsert sends (the lookup, then the update or the create); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, and whether it was created.</returns>
    Task<EntryUpsertResult> UpsertByReferenceAsync(long entityId, EntryCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
