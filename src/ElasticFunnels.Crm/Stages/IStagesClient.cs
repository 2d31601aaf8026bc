namespace ElasticFunnels.Crm;

/// <summary>Stages of a pipeline. Reach it through <see cref="IElasticFunnelsCrmClient.Stages"/>.</summary>
public interface IStagesClient
{
    /// <summary>Lists a pipeline's stages (<c>GET .../crm/pipelines/{pipeline}/stages</c>).</summary>
    /// <param name="pipelineId">The pipeline id; greater than zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stages.</returns>
    Task<IReadOnlyList<Stage>> ListAsync(long pipelineId, CancellationToken cancellationToken = default);

    /// <summary>Gets a stage (<c>GET .../crm/stages/{stage}</c>).</summary>
    /// <param name="stageId">The stage id; greater than zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stage.</returns>
    Task<Stage> GetAsync(long stageId, CancellationToken cancellationToken = default);

    /// <summary>Creates a stage in a pipeline (<c>POST .../crm/pipelines/{pipeline}/stages</c>).</summary>
    /// <param name="pipelineId">The pipeline id; greater than zero.</param>
    /// <param name="request">The stage; <see cref="StageCreateRequest.Name"/> is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created stage.</returns>
    Task<Stage> CreateAsync(long pipelineId, StageCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Updates a stage (<c>PUT .../crm/stages/{stage}</c>).</summary>
    /// <param name="stageId">The stage id; greater than zero.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated stage.</returns>
    Task<Stage> UpdateAsync(long stageId, StageUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sets the positions of several stages at once (<c>PUT .../crm/stages/reorder</c>).</summary>
    /// <param name="stages">Each stage id with its new 0-based position; at least one, ids unique.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stages are reordered.</returns>
    Task ReorderAsync(IEnumerable<StagePosition> stages, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stage (<c>DELETE .../crm/stages/{stage}</c>).</summary>
    /// <param name="stageId">The stage id; greater than zero.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stage is deleted.</returns>
    Task DeleteAsync(long stageId, CancellationToken cancellationToken = default);
}
