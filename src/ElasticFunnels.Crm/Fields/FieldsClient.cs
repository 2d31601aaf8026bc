using ElasticFunnels.Crm.Http;

namespace ElasticFunnels.Crm;

internal sealed class FieldsClient(IFieldsApi api, CrmCallRunner runner) : IFieldsClient
{
    public Task<IReadOnlyList<CustomField>> ListAsync(long entityId, CancellationToken cancellationToken = default) =>
        ListAsync(entityId, null, cancellationToken);

    public Task<IReadOnlyList<CustomField>> ListAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareList(entityId, requestOptions), cancellationToken);

    public Task<CrmResponse<IReadOnlyList<CustomField>>> ListWithResponseAsync(long entityId, CancellationToken cancellationToken = default) =>
        ListWithResponseAsync(entityId, null, cancellationToken);

    public Task<CrmResponse<IReadOnlyList<CustomField>>> ListWithResponseAsync(long entityId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareList(entityId, requestOptions), cancellationToken);

    private PreparedCall<IReadOnlyList<CustomField>> PrepareList(long entityId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(entityId, nameof(entityId));

        return runner.Prepare("Fields.List", requestOptions, ResponseBody.List<CustomField>(), (call, ct) => api.List(runner.BrandId, entityId, call, ct));
    }

    public Task<CustomField> GetAsync(long fieldId, CancellationToken cancellationToken = default) =>
        GetAsync(fieldId, null, cancellationToken);

    public Task<CustomField> GetAsync(long fieldId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareGet(fieldId, requestOptions), cancellationToken);

    public Task<CrmResponse<CustomField>> GetWithResponseAsync(long fieldId, CancellationToken cancellationToken = default) =>
        GetWithResponseAsync(fieldId, null, cancellationToken);

    public Task<CrmResponse<CustomField>> GetWithResponseAsync(long fieldId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareGet(fieldId, requestOptions), cancellationToken);

    private PreparedCall<CustomField> PrepareGet(long fieldId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(fieldId, nameof(fieldId));

        return runner.Prepare("Fields.Get", requestOptions, ResponseBody.Object<CustomField>(), (call, ct) => api.Get(runner.BrandId, fieldId, call, ct));
    }

    public Task<CustomField> CreateAsync(long entityId, FieldCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateAsync(entityId, request, null, cancellationToken);

    public Task<CustomField> CreateAsync(long entityId, FieldCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareCreate(entityId, request, requestOptions), cancellationToken);

    public Task<CrmResponse<CustomField>> CreateWithResponseAsync(long entityId, FieldCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateWithResponseAsync(entityId, request, null, cancellationToken);

    public Task<CrmResponse<CustomField>> CreateWithResponseAsync(long entityId, FieldCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareCreate(entityId, request, requestOptions), cancellationToken);

    private PreparedCall<CustomField> PrepareCreate(long entityId, FieldCreateRequest request, CrmRequestOptions? requestOptions)
    {
        Guard.Id(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.Required(request.Name, nameof(request), nameof(request.Name));
        Guard.Required(request.Key, nameof(request), nameof(request.Key));
        FieldKeyRule.Check(request.Key!, nameof(request));
        if (request.Type is not { } type)
        {
            throw new ArgumentException($"{nameof(request)}.Type is required (e.g. FieldType.Text).", nameof(request));
        }

        CheckOptions(type, request.Options, required: true, nameof(request));

        return runner.Prepare("Fields.Create", requestOptions, ResponseBody.Object<CustomField>(), (call, ct) => api.Create(runner.BrandId, entityId, request, call, ct));
    }

    public Task<CustomField> UpdateAsync(long fieldId, FieldUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(fieldId, request, null, cancellationToken);

    public Task<CustomField> UpdateAsync(long fieldId, FieldUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ValueAsync(PrepareUpdate(fieldId, request, requestOptions), cancellationToken);

    public Task<CrmResponse<CustomField>> UpdateWithResponseAsync(long fieldId, FieldUpdateRequest request, CancellationToken cancellationToken = default) =>
        UpdateWithResponseAsync(fieldId, request, null, cancellationToken);

    public Task<CrmResponse<CustomField>> UpdateWithResponseAsync(long fieldId, FieldUpdateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.ResponseAsync(PrepareUpdate(fieldId, request, requestOptions), cancellationToken);

    private PreparedCall<CustomField> PrepareUpdate(long fieldId, FieldUpdateRequest request, CrmRequestOptions? requestOptions)
    {
        Guard.Id(fieldId, nameof(fieldId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.NotBlankWhenSet(request.Name, nameof(request), nameof(request.Name));
        if (request.Key is not null)
        {
            FieldKeyRule.Check(request.Key, nameof(request));
        }

        if (request.Type is { } type)
        {
            CheckOptions(type, request.Options, required: false, nameof(request));
        }

        return runner.Prepare("Fields.Update", requestOptions, ResponseBody.Object<CustomField>(), (call, ct) => api.Update(runner.BrandId, fieldId, request, call, ct));
    }

    public Task DeleteAsync(long fieldId, CancellationToken cancellationToken = default) =>
        DeleteAsync(fieldId, null, cancellationToken);

    public Task DeleteAsync(long fieldId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendAsync(PrepareDelete(fieldId, requestOptions), cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(long fieldId, CancellationToken cancellationToken = default) =>
        DeleteWithResponseAsync(fieldId, null, cancellationToken);

    public Task<CrmResponse> DeleteWithResponseAsync(long fieldId, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        runner.SendWithResponseAsync(PrepareDelete(fieldId, requestOptions), cancellationToken);

    private PreparedCall<bool> PrepareDelete(long fieldId, CrmRequestOptions? requestOptions)
    {
        Guard.Id(fieldId, nameof(fieldId));

        return runner.Prepare("Fields.Delete", requestOptions, ResponseBody.None, (call, ct) => api.Delete(runner.BrandId, fieldId, call, ct));
    }

    private static void CheckOptions(FieldType type, IList<string>? options, bool required, string paramName)
    {
        var isSelect = type == FieldType.Select || type == FieldType.MultiSelect;
        if (isSelect && required && (options is null || options.Count == 0))
        {
            throw new ArgumentException($"request.Options is required for a {type} field: list the values it allows.", paramName);
        }

        if (options is not null && options.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("request.Options must not contain null, empty or whitespace values.", paramName);
        }
    }
}
