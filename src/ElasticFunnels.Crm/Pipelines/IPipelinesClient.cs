namespace ElasticFunnels.Crm;

/// <summary>Pipelines of an entity. Reach it through <see cref="IElasticFunnelsCrmClient.Pipelines"/>.</summary>
public interface IPipelinesClient
{
    /// <inheritdoc cref="ListAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task<IReadOnlyList<Pipeline>> ListAsync(long entityId, CancellationToken cancellationToken = default);

    /// <summary>Lists an entity's pipelines (<c>GET .../crm/entities/{entity}/pipelines</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pipelines.</returns>
    Task<IReadOnlyList<Pipeline>> ListAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The pipelines, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<IReadOnlyList<Pipeline>>> ListWithResponseAsync(long entityId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The pipelines, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<IReadOnlyList<Pipeline>>> ListWithResponseAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task<Pipeline> GetAsync(long pipelineId, CancellationToken cancellationToken = default);

    /// <summary>Gets a pipeline (<c>GET .../crm/pipelines/{pipeline}</c>).</summary>
    /// <param name="pipelineId">The pipeline id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pipeline.</returns>
    Task<Pipeline> GetAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The pipeline, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Pipeline>> GetWithResponseAsync(long pipelineId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The pipeline, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Pipeline>> GetWithResponseAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, PipelineCreateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<Pipeline> CreateAsync(long entityId, PipelineCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a pipeline in an entity (<c>POST .../crm/entities/{entity}/pipelines</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="request">The pipeline; <see cref="PipelineCreateRequest.Name"/> is required.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created pipeline.</returns>
    Task<Pipeline> CreateAsync(long entityId, PipelineCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, PipelineCreateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The created pipeline, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Pipeline>> CreateWithResponseAsync(long entityId, PipelineCreateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, PipelineCreateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The created pipeline, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Pipeline>> CreateWithResponseAsync(long entityId, PipelineCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, PipelineUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<Pipeline> UpdateAsync(long pipelineId, PipelineUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Updates a pipeline (<c>PUT .../crm/pipelines/{pipeline}</c>).</summary>
    /// <param name="pipelineId">The pipeline id; greater than zero.</param>
    /// <param name="request">The changes.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated pipeline.</returns>
    Task<Pipeline> UpdateAsync(long pipelineId, PipelineUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, PipelineUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated pipeline, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Pipeline>> UpdateWithResponseAsync(long pipelineId, PipelineUpdateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, PipelineUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated pipeline, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<Pipeline>> UpdateWithResponseAsync(long pipelineId, PipelineUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task DeleteAsync(long pipelineId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a pipeline (<c>DELETE .../crm/pipelines/{pipeline}</c>).</summary>
    /// <param name="pipelineId">The pipeline id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the pipeline is deleted.</returns>
    Task DeleteAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(long pipelineId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(long pipelineId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
