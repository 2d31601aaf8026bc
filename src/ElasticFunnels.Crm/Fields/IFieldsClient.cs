namespace ElasticFunnels.Crm;

/// <summary>Custom fields of an entity. Reach it through <see cref="IElasticFunnelsCrmClient.Fields"/>.</summary>
public interface IFieldsClient
{
    /// <inheritdoc cref="ListAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task<IReadOnlyList<CustomField>> ListAsync(long entityId, CancellationToken cancellationToken = default);

    /// <summary>Lists an entity's custom fields (<c>GET .../crm/entities/{entity}/fields</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fields.</returns>
    Task<IReadOnlyList<CustomField>> ListAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The fields, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<IReadOnlyList<CustomField>>> ListWithResponseAsync(long entityId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="ListAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The fields, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<IReadOnlyList<CustomField>>> ListWithResponseAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task<CustomField> GetAsync(long fieldId, CancellationToken cancellationToken = default);

    /// <summary>Gets a custom field (<c>GET .../crm/fields/{field}</c>).</summary>
    /// <param name="fieldId">The field id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The field.</returns>
    Task<CustomField> GetAsync(long fieldId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The field, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CustomField>> GetWithResponseAsync(long fieldId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="GetAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The field, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CustomField>> GetWithResponseAsync(long fieldId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, FieldCreateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<CustomField> CreateAsync(long entityId, FieldCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates a custom field in an entity (<c>POST .../crm/entities/{entity}/fields</c>).</summary>
    /// <param name="entityId">The entity id; greater than zero.</param>
    /// <param name="request">The field; name, key and type are required, and options for select types.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created field.</returns>
    Task<CustomField> CreateAsync(long entityId, FieldCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, FieldCreateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The created field, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CustomField>> CreateWithResponseAsync(long entityId, FieldCreateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CreateAsync(long, FieldCreateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The created field, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CustomField>> CreateWithResponseAsync(long entityId, FieldCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, FieldUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    Task<CustomField> UpdateAsync(long fieldId, FieldUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Updates a custom field (<c>PUT .../crm/fields/{field}</c>).</summary>
    /// <param name="fieldId">The field id; greater than zero.</param>
    /// <param name="request">The changes.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated field.</returns>
    Task<CustomField> UpdateAsync(long fieldId, FieldUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, FieldUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated field, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CustomField>> UpdateWithResponseAsync(long fieldId, FieldUpdateRequest request, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="UpdateAsync(long, FieldUpdateRequest, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The updated field, with the raw response: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse<CustomField>> UpdateWithResponseAsync(long fieldId, FieldUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    Task DeleteAsync(long fieldId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a custom field (<c>DELETE .../crm/fields/{field}</c>).</summary>
    /// <param name="fieldId">The field id; greater than zero.</param>
    /// <param name="requestOptions">Settings for this call only (timeout, extra headers, retries); <see langword="null"/> for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the field is deleted.</returns>
    Task DeleteAsync(long fieldId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(long fieldId, CancellationToken cancellationToken = default);

    /// <inheritdoc cref="DeleteAsync(long, CrmRequestOptions, CancellationToken)"/>
    /// <returns>The raw response of the delete: status, headers, request id, attempts and duration.</returns>
    Task<CrmResponse> DeleteWithResponseAsync(long fieldId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default);
}
