namespace ElasticFunnels.Crm;

/// <summary>
/// Entries: the records of an entity. Reach it through <see cref="IElasticFunnelsCrmClient.Entries"/>.
/// Every entry route exists in two forms; the overloads that take an entity id use the nested form
/// (<c>/entities/{entity}/entries/{entry}</c>), which also checks that the entry belongs to that entity.
/// </summary>
public partial interface IEntriesClient
{
    /// <inheritdoc cref="GetAsync(string, CrmRequestOptions, CancellationToken)"/>
    Task<Entry> GetAsync(string entryId, CancellationToken cancellationToken = default);

    /// <summary>Gets an entry (<c>GET .../crm/entries/{entry}</c>).</summary>
    /// <param name="entryId">The entry id (an opaque string).</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry.</returns>
    Task<Entry> GetAsync(string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(string, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entry, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> GetWithResponseAsync(string entryId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(string, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entry, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> GetWithResponseAsync(string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, string, CrmRequestOptions, CancellationToken)"/>
    Task<Entry> GetAsync(long entityId, string entryId, CancellationToken cancellationToken = default);

    /// <summary>Gets an entry of an entity (<c>GET .../crm/entities/{entity}/entries/{entry}</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="entryId">The entry id (an opaque string).</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry.</returns>
    Task<Entry> GetAsync(long entityId, string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, string, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entry, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> GetWithResponseAsync(long entityId, string entryId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, string, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entry, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> GetWithResponseAsync(long entityId, string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, EntryCreateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<Entry> CreateAsync(long entityId, EntryCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates an entry (<c>POST .../crm/entities/{entity}/entries</c>). A create is never retried after an ambiguous failure, so it is never sent twice.</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="request">The entry; the title is required, and pipeline and stage together for CRM-mode entities.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created entry.</returns>
    /// <exception cref="CrmSchemaValidationException">Schema validation is on (<see cref="ElasticFunnelsCrmOptions.ValidateEntryValues"/> or <see cref="CrmRequestOptions.ValidateAgainstSchema"/>) and the values do not fit the entity's fields; nothing was created.</exception>
    Task<Entry> CreateAsync(long entityId, EntryCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, EntryCreateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The created entry, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> CreateWithResponseAsync(long entityId, EntryCreateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, EntryCreateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The created entry, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> CreateWithResponseAsync(long entityId, EntryCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(string, EntryUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<Entry> UpdateAsync(string entryId, EntryUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Updates an entry; only what is set changes (<c>PUT .../crm/entries/{entry}</c>). Values cannot be checked against the schema on this route (the entity is unknown): use the overload with the entity id for that.</summary>
    /// <param name="entryId">The entry id (an opaque string).</param>
    /// <param name="request">The changes.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated entry.</returns>
    Task<Entry> UpdateAsync(string entryId, EntryUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(string, EntryUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated entry, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> UpdateWithResponseAsync(string entryId, EntryUpdateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(string, EntryUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated entry, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> UpdateWithResponseAsync(string entryId, EntryUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, string, EntryUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<Entry> UpdateAsync(long entityId, string entryId, EntryUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Updates an entry of an entity; only what is set changes (<c>PUT .../crm/entities/{entity}/entries/{entry}</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="entryId">The entry id (an opaque string).</param>
    /// <param name="request">The changes.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated entry.</returns>
    /// <exception cref="CrmSchemaValidationException">Schema validation is on (<see cref="ElasticFunnelsCrmOptions.ValidateEntryValues"/> or <see cref="CrmRequestOptions.ValidateAgainstSchema"/>) and the values do not fit the entity's fields; nothing was updated.</exception>
    Task<Entry> UpdateAsync(long entityId, string entryId, EntryUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, string, EntryUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated entry, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> UpdateWithResponseAsync(long entityId, string entryId, EntryUpdateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, string, EntryUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated entry, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> UpdateWithResponseAsync(long entityId, string entryId, EntryUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="MoveToStageAsync(string, long, CrmRequestOptions, CancellationToken)"/>
    Task<Entry> MoveToStageAsync(string entryId, long stageId, CancellationToken cancellationToken = default);

    /// <summary>Moves an entry to another stage of its pipeline (<c>PUT .../crm/entries/{entry}/stage</c>).</summary>
    /// <param name="entryId">The entry id (an opaque string).</param>
    /// <param name="stageId">The target stage; it must belong to the entry's current pipeline.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry as the API answers: at least its id, new stage and update time.</returns>
    Task<Entry> MoveToStageAsync(string entryId, long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="MoveToStageAsync(string, long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entry as the API answers, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> MoveToStageWithResponseAsync(string entryId, long stageId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="MoveToStageAsync(string, long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entry as the API answers, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> MoveToStageWithResponseAsync(string entryId, long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="MoveToStageAsync(long, string, long, CrmRequestOptions, CancellationToken)"/>
    Task<Entry> MoveToStageAsync(long entityId, string entryId, long stageId, CancellationToken cancellationToken = default);

    /// <summary>Moves an entry of an entity to another stage (<c>PUT .../crm/entities/{entity}/entries/{entry}/stage</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="entryId">The entry id (an opaque string).</param>
    /// <param name="stageId">The target stage; it must belong to the entry's current pipeline.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry as the API answers: at least its id, new stage and update time.</returns>
    Task<Entry> MoveToStageAsync(long entityId, string entryId, long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="MoveToStageAsync(long, string, long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entry as the API answers, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> MoveToStageWithResponseAsync(long entityId, string entryId, long stageId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="MoveToStageAsync(long, string, long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entry as the API answers, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Entry>> MoveToStageWithResponseAsync(long entityId, string entryId, long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(string, CrmRequestOptions, CancellationToken)"/>
    Task DeleteAsync(string entryId, CancellationToken cancellationToken = default);

    /// <summary>Deletes an entry (<c>DELETE .../crm/entries/{entry}</c>).</summary>
    /// <param name="entryId">The entry id (an opaque string).</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entry is deleted.</returns>
    Task DeleteAsync(string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(string, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(string entryId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(string, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, string, CrmRequestOptions, CancellationToken)"/>
    Task DeleteAsync(long entityId, string entryId, CancellationToken cancellationToken = default);

    /// <summary>Deletes an entry of an entity (<c>DELETE .../crm/entities/{entity}/entries/{entry}</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="entryId">The entry id (an opaque string).</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entry is deleted.</returns>
    Task DeleteAsync(long entityId, string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, string, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(long entityId, string entryId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, string, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(long entityId, string entryId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
