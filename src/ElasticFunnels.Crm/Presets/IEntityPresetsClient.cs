namespace ElasticFunnels.Crm;

/// <summary>Built-in entity templates. Reach it through <see cref="IElasticFunnelsCrmClient.Presets"/>.</summary>
public interface IEntityPresetsClient
{
    /// <inheritdoc cref="ListAsync(CrmRequestOptions, CancellationToken)"/>
    Task<IReadOnlyList<EntityPreset>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the presets (<c>GET .../crm/entity-presets</c>).</summary>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The presets, e.g. leads, contacts and deals.</returns>
    Task<IReadOnlyList<EntityPreset>> ListAsync(CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAsync(CrmRequestOptions, CancellationToken)"/>
    /// <returns>The presets, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<IReadOnlyList<EntityPreset>>> ListWithResponseAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAsync(CrmRequestOptions, CancellationToken)"/>
    /// <returns>The presets, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<IReadOnlyList<EntityPreset>>> ListWithResponseAsync(CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
