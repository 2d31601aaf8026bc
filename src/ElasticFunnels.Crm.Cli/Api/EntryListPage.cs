namespace ElasticFunnels.Crm.Cli.Api;

/// <summary>One page of an entry listing, in the CLI's own terms so that only <see cref="CrmApi"/> knows the SDK's page type.</summary>
internal sealed record EntryListPage(IReadOnlyList<Entry> Entries, int Page, int LastPage, int PerPage, long Total);
