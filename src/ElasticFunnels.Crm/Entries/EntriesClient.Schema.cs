namespace ElasticFunnels.Crm;

// Schema validation of entry values before a create or update is sent (opt-in: see
// ElasticFunnelsCrmOptions.ValidateEntryValues and CrmRequestOptions.ValidateAgainstSchema).
internal sealed partial class EntriesClient
{
    private bool Validates(CrmRequestOptions? requestOptions) =>
        requestOptions?.ValidateAgainstSchema ?? runner.Runtime.Options.ValidateEntryValues;

    private Task<T> WithSchemaCheck<T>(
        long? entityId,
        IDictionary<string, FieldValue>? values,
        bool creating,
        CrmRequestOptions? requestOptions,
        Func<Task<T>> send,
        CancellationToken cancellationToken)
    {
        if (!Validates(requestOptions))
        {
            // Validation off: exactly the request the caller built, and nothing else, is sent.
            return send();
        }

        if (entityId is not { } entity)
        {
            if (requestOptions?.ValidateAgainstSchema == true)
            {
                throw new ArgumentException(
                    "requestOptions.ValidateAgainstSchema is true, but the values can only be checked against the entity's fields when the entity is known: call UpdateAsync(entityId, entryId, request, requestOptions).",
                    nameof(requestOptions));
            }

            return send();
        }

        return CheckThenSendAsync(entity, values, creating, requestOptions, send, "request", cancellationToken);
    }

    /// <summary>
    /// An upsert looks the reference up before it knows whether it creates or updates; check what holds
    /// either way (keys, types, options) first, so invalid values send no lookup. The create path then
    /// also checks required fields, against the schema now cached.
    /// </summary>
    private async Task CheckUpsertValuesAsync(long entityId, EntryCreateRequest request, CrmRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        if (!Validates(requestOptions))
        {
            return;
        }

        var schema = await schemas.GetAsync(entityId, requestOptions, cancellationToken).ConfigureAwait(false);
        var problems = schema.ValidateUpdate(request.Values);
        if (problems.Count > 0)
        {
            throw new CrmSchemaValidationException(entityId, problems, nameof(request));
        }
    }

    private async Task<T> CheckThenSendAsync<T>(
        long entityId,
        IDictionary<string, FieldValue>? values,
        bool creating,
        CrmRequestOptions? requestOptions,
        Func<Task<T>> send,
        string paramName,
        CancellationToken cancellationToken)
    {
        var schema = await schemas.GetAsync(entityId, requestOptions, cancellationToken).ConfigureAwait(false);
        var problems = creating ? schema.ValidateCreate(values) : schema.ValidateUpdate(values);
        if (problems.Count > 0)
        {
            throw new CrmSchemaValidationException(entityId, problems, paramName);
        }

        return await send().ConfigureAwait(false);
    }
}
