namespace ElasticFunnels.Crm;

/// <summary>Entities: the types of record the CRM tracks. Reach it through <see cref="IElasticFunnelsCrmClient.Entities"/>.</summary>
public interface IEntitiesClient
{
    /// <summary>Lists the brand's entities, with pipeline and field counts (<c>GET .../crm/entities</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entities.</returns>
    Task<IReadOnlyList<CrmEntity>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets an entity with its pipelines (and their stages) and fields (<c>GET .../crm/entities/{entity}</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entity.</returns>
    /// <exception cref="CrmNotFoundException">There is no such entity.</exception>
    Task<CrmEntity> GetAsync(long entityId, CancellationToken cancellationToken = default);

    /// <summary>Creates an entity, optionally from a preset (<c>POST .../crm/entities</c>).</summary>
    /// <param name="request">The entity; <see cref="EntityCreateRequest.Name"/> and <see cref="EntityCreateRequest.Slug"/> are required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created entity.</returns>
    /// <exception cref="ArgumentException">A required property is missing or the slug is malformed; nothing was sent.</exception>
    /// <exception cref="CrmValidationException">The API rejected the entity (e.g. the slug is taken).</exception>
    Task<CrmEntity> CreateAsync(EntityCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Updates an entity; only the properties set are sent (<c>PUT .../crm/entities/{entity}</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated entity.</returns>
    Task<CrmEntity> UpdateAsync(long entityId, EntityUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes an entity with its pipelines, fields and entries (<c>DELETE .../crm/entities/{entity}</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entity is deleted.</returns>
    Task DeleteAsync(long entityId, CancellationToken cancellationToken = default);
}
