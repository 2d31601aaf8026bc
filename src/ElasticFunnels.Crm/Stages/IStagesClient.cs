namespace ElasticFunnels.Crm;

/// <summary>Stages of a pipeline. Reach it through <see cref="IElasticFunnelsCrmClient.Stages"/>.</summary>
public interface IStagesClient
{
    /// <inheritdoc cref="ListAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task<IReadOnlyList<Stage>> ListAsync(long pipelineId, CancellationToken cancellationToken = default);

    /// <summary>Lists a pipeline's stages (<c>GET .../crm/pipelines/{pipeline}/stages</c>).</summary>
    /// <param name="pipelineId">The pipeline id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stages.</returns>
    Task<IReadOnlyList<Stage>> ListAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The stages, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<IReadOnlyList<Stage>>> ListWithResponseAsync(long pipelineId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The stages, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<IReadOnlyList<Stage>>> ListWithResponseAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task<Stage> GetAsync(long stageId, CancellationToken cancellationToken = default);

    /// <summary>Gets a stage (<c>GET .../crm/stages/{stage}</c>).</summary>
    /// <param name="stageId">The stage id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stage.</returns>
    Task<Stage> GetAsync(long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The stage, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Stage>> GetWithResponseAsync(long stageId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The stage, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Stage>> GetWithResponseAsync(long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, StageCreateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<Stage> CreateAsync(long pipelineId, StageCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a stage in a pipeline (<c>POST .../crm/pipelines/{pipeline}/stages</c>).</summary>
    /// <param name="pipelineId">The pipeline id; greater than zero.</param>
    /// <param name="request">The stage; <see cref="StageCreateRequest.Name"/> is required.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created stage.</returns>
    Task<Stage> CreateAsync(long pipelineId, StageCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, StageCreateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The created stage, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Stage>> CreateWithResponseAsync(long pipelineId, StageCreateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, StageCreateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The created stage, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Stage>> CreateWithResponseAsync(long pipelineId, StageCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, StageUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<Stage> UpdateAsync(long stageId, StageUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Updates a stage (<c>PUT .../crm/stages/{stage}</c>).</summary>
    /// <param name="stageId">The stage id; greater than zero.</param>
    /// <param name="request">The changes.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated stage.</returns>
    Task<Stage> UpdateAsync(long stageId, StageUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, StageUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated stage, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Stage>> UpdateWithResponseAsync(long stageId, StageUpdateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, StageUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated stage, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Stage>> UpdateWithResponseAsync(long stageId, StageUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ReorderAsync(IEnumerable{StagePosition}, CrmRequestOptions, CancellationToken)"/>
    Task ReorderAsync(IEnumerable<StagePosition> stages, CancellationToken cancellationToken = default);

    /// <summary>Sets the positions of several stages at once (<c>PUT .../crm/stages/reorder</c>).</summary>
    /// <param name="stages">Each stage id with its new 0-based position; at least one, ids unique.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stages are reordered.</returns>
    Task ReorderAsync(IEnumerable<StagePosition> stages, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ReorderAsync(IEnumerable{StagePosition}, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the reorder: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> ReorderWithResponseAsync(IEnumerable<StagePosition> stages, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ReorderAsync(IEnumerable{StagePosition}, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the reorder: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> ReorderWithResponseAsync(IEnumerable<StagePosition> stages, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task DeleteAsync(long stageId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stage (<c>DELETE .../crm/stages/{stage}</c>).</summary>
    /// <param name="stageId">The stage id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stage is deleted.</returns>
    Task DeleteAsync(long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(long stageId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(long stageId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
