namespace ElasticFunnels.Crm;

/// <summary>Built-in entity templates. Reach it through <see cref="IElasticFunnelsCrmClient.Presets"/>.</summary>
public interface IEntityPresetsClient
{
    /// <summary>Lists the presets (<c>GET /api/brands/{brand}/crm/entity-presets</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The presets, e.g. leads, contacts and deals.</returns>
    Task<IReadOnlyList<EntityPreset>> ListAsync(CancellationToken cancellationToken = default);
}
