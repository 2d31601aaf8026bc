namespace ElasticFunnels.Crm;

/// <summary>Pipelines of an entity. Reach it through <see cref="IElasticFunnelsCrmClient.Pipelines"/>.</summary>
public interface IPipelinesClient
{
    /// <summary>Lists an entity's pipelines (<c>GET .../crm/entities/{entity}/pipelines</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pipelines.</returns>
    Task<IReadOnlyList<Pipeline>> ListAsync(long entityId, CancellationToken cancellationToken = default);

    /// <summary>Gets a pipeline (<c>GET .../crm/pipelines/{pipeline}</c>).</summary>
    /// <param name="pipelineId">The pipeline id; greater than zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pipeline.</returns>
    Task<Pipeline> GetAsync(long pipelineId, CancellationToken cancellationToken = default);

    /// <summary>Creates a pipeline in an entity (<c>POST .../crm/entities/{entity}/pipelines</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="request">The pipeline; <see cref="PipelineCreateRequest.Name"/> is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created pipeline.</returns>
    Task<Pipeline> CreateAsync(long entityId, PipelineCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Updates a pipeline (<c>PUT .../crm/pipelines/{pipeline}</c>).</summary>
    /// <param name="pipelineId">The pipeline id; greater than zero.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated pipeline.</returns>
    Task<Pipeline> UpdateAsync(long pipelineId, PipelineUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a pipeline (<c>DELETE .../crm/pipelines/{pipeline}</c>).</summary>
    /// <param name="pipelineId">The pipeline id; greater than zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the pipeline is deleted.</returns>
    Task DeleteAsync(long pipelineId, CancellationToken cancellationToken = default);
}
