namespace ElasticFunnels.Crm;

/// <summary>
/// The custom fields of entities, loaded once per client and cached, for checking entry values before
/// they are sent. Reach it through <see cref="IElasticFunnelsCrmClient.Schemas"/>.
/// </summary>
/// <remarks>
/// A schema is kept for <see cref="ElasticFunnelsCrmOptions.SchemaCacheDuration"/> (default 5 minutes)
/// and then loaded again on next use. After you change an entity's fields, call <see cref="Invalidate(long)"/>
/// or <see cref="RefreshAsync(long, CancellationToken)"/> so the next check sees the change. Concurrent callers share one load.
/// </remarks>
public interface IEntitySchemasClient
{
    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task<EntitySchema> GetAsync(long entityId, CancellationToken cancellationToken = default);

    /// <summary>Gets an entity's schema from the cache, loading it (<c>GET .../crm/entities/{entity}/fields</c>) when it is not cached or has expired.</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="requestOptions">Settings for the load, when one is needed (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schema.</returns>
    Task<EntitySchema> GetAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="RefreshAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task<EntitySchema> RefreshAsync(long entityId, CancellationToken cancellationToken = default);

    /// <summary>Loads an entity's schema now, whatever is cached, and caches it.</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="requestOptions">Settings for the load, when one is needed (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schema just loaded.</returns>
    Task<EntitySchema> RefreshAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <summary>Drops an entity's cached schema, so the next use loads it again. Sends nothing.</summary>
    /// <param name="entityId">The entity id.</param>
    void Invalidate(long entityId);

    /// <summary>Drops every cached schema. Sends nothing.</summary>
    void InvalidateAll();
}
