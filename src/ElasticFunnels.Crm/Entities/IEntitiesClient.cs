namespace ElasticFunnels.Crm;

/// <summary>Entities: the types of record the CRM tracks. Reach it through <see cref="IElasticFunnelsCrmClient.Entities"/>.</summary>
public interface IEntitiesClient
{
    /// <inheritdoc cref="ListAsync(CrmRequestOptions, CancellationToken)"/>
    Task<IReadOnlyList<CrmEntity>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the brand's entities, with pipeline and field counts (<c>GET .../crm/entities</c>).</summary>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entities.</returns>
    Task<IReadOnlyList<CrmEntity>> ListAsync(CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAsync(CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entities, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<IReadOnlyList<CrmEntity>>> ListWithResponseAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAsync(CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entities, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<IReadOnlyList<CrmEntity>>> ListWithResponseAsync(CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task<CrmEntity> GetAsync(long entityId, CancellationToken cancellationToken = default);

    /// <summary>Gets an entity with its pipelines (and their stages) and fields (<c>GET .../crm/entities/{entity}</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entity.</returns>
    /// <exception cref="CrmNotFoundException">There is no such entity.</exception>
    Task<CrmEntity> GetAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entity, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CrmEntity>> GetWithResponseAsync(long entityId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The entity, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CrmEntity>> GetWithResponseAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(EntityCreateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<CrmEntity> CreateAsync(EntityCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates an entity, optionally from a preset (<c>POST .../crm/entities</c>).</summary>
    /// <param name="request">The entity; <see cref="EntityCreateRequest.Name"/> and <see cref="EntityCreateRequest.Slug"/> are required.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created entity.</returns>
    /// <exception cref="ArgumentException">A required property is missing or the slug is malformed; nothing was sent.</exception>
    /// <exception cref="CrmValidationException">The API rejected the entity (e.g. the slug is taken).</exception>
    Task<CrmEntity> CreateAsync(EntityCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(EntityCreateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The created entity, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CrmEntity>> CreateWithResponseAsync(EntityCreateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(EntityCreateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The created entity, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CrmEntity>> CreateWithResponseAsync(EntityCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, EntityUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<CrmEntity> UpdateAsync(long entityId, EntityUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Updates an entity; only the properties set are sent (<c>PUT .../crm/entities/{entity}</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="request">The changes.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated entity.</returns>
    Task<CrmEntity> UpdateAsync(long entityId, EntityUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, EntityUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated entity, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CrmEntity>> UpdateWithResponseAsync(long entityId, EntityUpdateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, EntityUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated entity, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CrmEntity>> UpdateWithResponseAsync(long entityId, EntityUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task DeleteAsync(long entityId, CancellationToken cancellationToken = default);

    /// <summary>Deletes an entity with its pipelines, fields and entries (<c>DELETE .../crm/entities/{entity}</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entity is deleted.</returns>
    Task DeleteAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(long entityId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
