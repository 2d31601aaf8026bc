using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Paging;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

internal sealed partial class EntriesClient
{
    private static readonly ResponseBody<EntryPage> EntriesPage = ResponseBody.Of(CrmJsonContext.Default.EntryPage, "a JSON object with a page of entries (data, current_page, last_page, per_page, total)");

    public Task<CrmPage<Entry>> ListAsync(long entityId, EntryListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAsync(entityId, options, null, cancellationToken);

    public Task<CrmPage<Entry>> ListAsync(long entityId, EntryListOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var query = CheckedQuery(entityId, options);
        return ListOnePageAsync(entityId, query, PrepareList(entityId, query, requestOptions), cancellationToken);
    }

    public CrmAsyncPageable<Entry> ListAutoPagingAsync(long entityId, EntryListOptions? options = null, CancellationToken cancellationToken = default) =>
        ListAutoPagingAsync(entityId, options, null, cancellationToken);

    public CrmAsyncPageable<Entry> ListAutoPagingAsync(long entityId, EntryListOptions? options, CrmRequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var query = CheckedQuery(entityId, options);
        runner.Settings(requestOptions);
        return new EntryPageable(
            (request, ct) => runner.ResponseAsync(PrepareList(entityId, request, requestOptions), ct),
            entityId,
            query,
            cancellationToken);
    }

    private async Task<CrmPage<Entry>> ListOnePageAsync(long entityId, EntryListOptions query, PreparedCall<EntryPage> prepared, CancellationToken cancellationToken)
    {
        var response = await runner.ResponseAsync(prepared, cancellationToken).ConfigureAwait(false);
        return EntryPageable.SinglePage(entityId, query, response);
    }

    private static EntryListOptions CheckedQuery(long entityId, EntryListOptions? options)
    {
        Guard.Id(entityId, nameof(entityId));

        // A copy: the caller may change the options while pages are being fetched.
        var query = options?.Clone() ?? new EntryListOptions();
        query.Validate(nameof(options));
        return query;
    }

    private PreparedCall<EntryPage> PrepareList(long entityId, EntryListOptions query, CrmRequestOptions? requestOptions) =>
        runner.Prepare(
            "Entries.List",
            requestOptions,
            EntriesPage,
            (call, ct) => api.List(
                runner.BrandId,
                entityId,
                query.Page,
                query.PerPage,
                query.PipelineId,
                query.StageId,
                query.ReferenceType,
                query.ReferenceId,
                query.Search,
                query.IncludeCustomer is { } include ? (include ? "true" : "false") : null,
                call,
                ct));
}
