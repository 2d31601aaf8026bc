using System.Runtime.CompilerServices;

namespace ElasticFunnels.Crm.Paging;

/// <summary>
/// Auto-paging over <c>GET entities/{entity}/entries</c>, which pages by number over a list that can
/// change between requests (entries are listed newest first and live in Elasticsearch).
/// </summary>
/// <remarks>
/// Two things keep one enumeration honest in bounded memory:
/// <list type="bullet">
/// <item>Repeats: an entry added before the cursor pushes every row down, so the next page starts
/// with rows already yielded. The ids of the last <see cref="DedupeWindow"/> yielded entries are
/// kept (ids only, never entries) and those rows are dropped.</item>
/// <item>Skips: an entry removed before the cursor pulls every row up, so the next page would start
/// past rows never yielded. When the total shrinks between two requests, the pager steps back as many
/// pages as the shrink covers and requests them again; the repeats that brings are dropped as above.</item>
/// </list>
/// </remarks>
internal sealed class EntryPageable(
    Func<EntryListOptions, CancellationToken, Task<CrmResponse<EntryPage>>> fetch,
    long entityId,
    EntryListOptions query,
    CancellationToken cancellationToken) : CrmAsyncPageable<Entry>(cancellationToken)
{
    /// <summary>The page size asked for when neither the options nor the hint set one: the API's maximum, for the fewest requests.</summary>
    public const int DefaultPerPage = EntryListOptions.MaxPerPage;

    /// <summary>The page size the API uses when a request does not say (the vendor documents 25).</summary>
    public const int DefaultServerPerPage = 25;

    /// <summary>How many of the most recently yielded ids an enumeration remembers.</summary>
    public const int DedupeWindow = 1000;

    private readonly ulong _queryFingerprint = QueryFingerprint(entityId, query);

    public override IAsyncEnumerable<CrmPage<Entry>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (pageSizeHint is { } hint && hint is < 1 or > EntryListOptions.MaxPerPage)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), hint, $"{nameof(pageSizeHint)} must be between 1 and {EntryListOptions.MaxPerPage} (was {hint}).");
        }

        if (continuationToken is null)
        {
            var perPage = pageSizeHint ?? query.PerPage ?? DefaultPerPage;
            var start = query.Page ?? 1;
            return Iterate(start, start, perPage, null, [], CancellationToken);
        }

        var cursor = PageCursor.Decode(continuationToken, nameof(continuationToken));
        if (cursor.Query != _queryFingerprint)
        {
            throw new ArgumentException($"{nameof(continuationToken)} was made by a listing of another entity or with other filters; resume with the same entity id and filters.", nameof(continuationToken));
        }

        // A resumed walk continues an earlier one, so it may step back as far as the first page.
        return Iterate(cursor.NextPage, 1, cursor.PerPage, cursor.Total, [.. cursor.LastIds], CancellationToken);
    }

    private async IAsyncEnumerable<CrmPage<Entry>> Iterate(
        int page,
        int firstAllowedPage,
        int perPage,
        long? lastTotal,
        HashSet<ulong> yieldedBeforeResume,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var recent = new RecentIds(DedupeWindow);
        var request = query.Clone();
        request.PerPage = perPage;
        var maxStepBack = Math.Max(1, (DedupeWindow / perPage) - 1);

        while (true)
        {
            request.Page = page;
            var response = await fetch(request, cancellationToken).ConfigureAwait(false);
            var result = response.Value;

            if (lastTotal is { } before && result.Total < before && page > firstAllowedPage)
            {
                var back = (int)Math.Min(maxStepBack, (before - result.Total + perPage - 1) / perPage);
                lastTotal = result.Total;
                page = Math.Max(firstAllowedPage, page - back);
                continue;
            }

            lastTotal = result.Total;
            var values = new List<Entry>(result.Entries.Count);
            foreach (var entry in result.Entries)
            {
                if ((yieldedBeforeResume.Count == 0 || !yieldedBeforeResume.Contains(Fingerprint.Of(entry.Id))) && recent.Add(entry.Id))
                {
                    values.Add(entry);
                }
            }

            var more = HasMore(page, result);
            yield return new CrmPage<Entry>
            {
                Values = values,
                PageNumber = result.CurrentPage,
                LastPage = result.LastPage,
                PerPage = perPage,
                Total = result.Total,
                ContinuationToken = more ? Token(page + 1, perPage, result.Total, recent, yieldedBeforeResume) : null,
                RawResponse = response,
            };

            if (!more)
            {
                yield break;
            }

            page++;
        }
    }

    private string Token(int nextPage, int perPage, long total, RecentIds recent, HashSet<ulong> yieldedBeforeResume)
    {
        var ids = recent.Newest(perPage).Select(Fingerprint.Of).ToList();
        if (ids.Count < perPage)
        {
            // Early in a resumed walk the previous session's ids still matter.
            ids.InsertRange(0, yieldedBeforeResume.Take(perPage - ids.Count));
        }

        return new PageCursor(nextPage, perPage, _queryFingerprint, total, ids).Encode();
    }

    /// <summary>
    /// One page fetched on its own (<see cref="IEntriesClient.ListAsync(long, EntryListOptions?, CancellationToken)"/>),
    /// with the token that resumes an auto-paging walk after it: the same rule for <see cref="CrmPage{T}.HasMore"/> as a walk.
    /// </summary>
    public static CrmPage<Entry> SinglePage(long entityId, EntryListOptions query, CrmResponse<EntryPage> response)
    {
        var result = response.Value;
        var page = query.Page ?? 1;
        // The page size the server used decides what the page numbers mean: the one it reports, else the one asked for.
        var perPage = result.PerPage is >= 1 and <= EntryListOptions.MaxPerPage ? result.PerPage : query.PerPage ?? DefaultServerPerPage;
        var more = HasMore(page, result);
        return new CrmPage<Entry>
        {
            Values = result.Entries,
            PageNumber = result.CurrentPage,
            LastPage = result.LastPage,
            PerPage = perPage,
            Total = result.Total,
            ContinuationToken = more
                ? new PageCursor(page + 1, perPage, QueryFingerprint(entityId, query), result.Total, [.. result.Entries.TakeLast(perPage).Select(e => Fingerprint.Of(e.Id))]).Encode()
                : null,
            RawResponse = response,
        };
    }

    /// <summary>
    /// The one rule for <see cref="CrmPage{T}.HasMore"/>: the page asked for (not the one the server
    /// echoed, so a server that clamps page numbers cannot send a walk round in a loop) is below the
    /// last page, and it was not empty.
    /// </summary>
    private static bool HasMore(int requestedPage, EntryPage result) => requestedPage < result.LastPage && result.Entries.Count > 0;

    private static ulong QueryFingerprint(long entityId, EntryListOptions query)
    {
        var hash = Fingerprint.Of("entries");
        hash = Fingerprint.Add(hash, entityId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        hash = Fingerprint.Add(hash, query.PipelineId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        hash = Fingerprint.Add(hash, query.StageId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        hash = Fingerprint.Add(hash, query.ReferenceType);
        hash = Fingerprint.Add(hash, query.ReferenceId);
        return Fingerprint.Add(hash, query.Search);
    }
}
