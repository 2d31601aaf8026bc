namespace ElasticFunnels.Crm;

// Schema validation of entry values before a create or update is sent (opt-in: see
// ElasticFunnelsCrmOptions.ValidateEntryValues), kept apart so the request methods stay one line each.
internal sealed partial class EntriesClient
{
    private readonly IEntitySchemasClient? _schemas;
    private readonly bool _validateByDefault;

    public EntriesClient(IEntriesApi api, Internal.ApiInvoker invoker, long brandId, IEntitySchemasClient schemas, bool validateByDefault)
        : this(api, invoker, brandId)
    {
        _schemas = schemas;
        _validateByDefault = validateByDefault;
    }

    private Task<Entry> CheckValuesThenSend(
        long? entityId,
        IDictionary<string, FieldValue>? values,
        bool? validateThisCall,
        bool creating,
        string paramName,
        Func<CancellationToken, Task<Entry>> send,
        CancellationToken cancellationToken)
    {
        if (!(validateThisCall ?? _validateByDefault) || _schemas is null)
        {
            // Validation off: exactly the request the caller built, and nothing else, is sent.
            return send(cancellationToken);
        }

        if (entityId is not { } entity)
        {
            if (validateThisCall == true)
            {
                throw new ArgumentException(
                    "request.ValidateAgainstSchema is true, but the values can only be checked against the entity's fields when the entity is known: call UpdateAsync(entityId, entryId, request).",
                    paramName);
            }

            return send(cancellationToken);
        }

        return CheckThenSendAsync(_schemas, entity, values, creating, paramName, send, cancellationToken);
    }

    /// <summary>
    /// An upsert looks the reference up before it knows whether it creates or updates; check what holds
    /// either way (keys, types, options) first, so invalid values send no lookup. The create path then
    /// also checks required fields, against the schema now cached.
    /// </summary>
    private async Task CheckUpsertValuesAsync(long entityId, EntryCreateRequest request, CancellationToken cancellationToken)
    {
        if (!(request.ValidateAgainstSchema ?? _validateByDefault) || _schemas is null)
        {
            return;
        }

        var schema = await _schemas.GetAsync(entityId, cancellationToken).ConfigureAwait(false);
        var problems = schema.ValidateUpdate(request.Values);
        if (problems.Count > 0)
        {
            throw new CrmSchemaValidationException(entityId, problems, nameof(request));
        }
    }

    private static async Task<Entry> CheckThenSendAsync(
        IEntitySchemasClient schemas,
        long entityId,
        IDictionary<string, FieldValue>? values,
        bool creating,
        string paramName,
        Func<CancellationToken, Task<Entry>> send,
        CancellationToken cancellationToken)
    {
        var schema = await schemas.GetAsync(entityId, cancellationToken).ConfigureAwait(false);
        var problems = creating ? schema.ValidateCreate(values) : schema.ValidateUpdate(values);
        if (problems.Count > 0)
        {
            throw new CrmSchemaValidationException(entityId, problems, paramName);
        }

        return await send(cancellationToken).ConfigureAwait(false);
    }
}
