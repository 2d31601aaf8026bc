namespace ElasticFunnels.Crm.Cli.Api;

/// <summary>
/// One page of an entry listing, in the CLI's own terms so that only <see cref="CrmApi"/> knows the SDK's page type;
/// <paramref name="HasMore"/> is the SDK's <see cref="CrmPage{T}.HasMore"/>, so the CLI has no rule of its own.
/// </summary>
internal sealed record EntryListPage(IReadOnlyList<Entry> Entries, int Page, int LastPage, int PerPage, long Total, bool HasMore);
