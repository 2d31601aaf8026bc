using ElasticFunnels.Crm.Internal;

namespace ElasticFunnels.Crm;

internal sealed class FieldsClient(IFieldsApi api, ApiInvoker invoker, long brandId) : IFieldsClient
{
    public Task<IReadOnlyList<CustomField>> ListAsync(long entityId, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        return invoker.ListAsync<CustomField>(ct => api.List(brandId, entityId, ct), cancellationToken);
    }

    public Task<CustomField> GetAsync(long fieldId, CancellationToken cancellationToken = default)
    {
        Guard.Id(fieldId, nameof(fieldId));
        return invoker.GetAsync<CustomField>(ct => api.Get(brandId, fieldId, ct), cancellationToken);
    }

    public Task<CustomField> CreateAsync(long entityId, FieldCreateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(entityId, nameof(entityId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.Required(request.Name, nameof(request), nameof(request.Name));
        Guard.Required(request.Key, nameof(request), nameof(request.Key));
        SlugRule.CheckFieldKey(request.Key!, nameof(request));
        if (request.Type is not { } type)
        {
            throw new ArgumentException($"{nameof(request)}.Type is required (e.g. FieldType.Text).", nameof(request));
        }

        CheckOptions(type, request.Options, required: true, nameof(request));
        return invoker.GetAsync<CustomField>(ct => api.Create(brandId, entityId, request, ct), cancellationToken);
    }

    public Task<CustomField> UpdateAsync(long fieldId, FieldUpdateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(fieldId, nameof(fieldId));
        ArgumentNullException.ThrowIfNull(request);
        Guard.NotBlankWhenSet(request.Name, nameof(request), nameof(request.Name));
        if (request.Key is not null)
        {
            SlugRule.CheckFieldKey(request.Key, nameof(request));
        }

        if (request.Type is { } type)
        {
            CheckOptions(type, request.Options, required: false, nameof(request));
        }

        return invoker.GetAsync<CustomField>(ct => api.Update(brandId, fieldId, request, ct), cancellationToken);
    }

    public Task DeleteAsync(long fieldId, CancellationToken cancellationToken = default)
    {
        Guard.Id(fieldId, nameof(fieldId));
        return invoker.SendAsync(ct => api.Delete(brandId, fieldId, ct), cancellationToken);
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
