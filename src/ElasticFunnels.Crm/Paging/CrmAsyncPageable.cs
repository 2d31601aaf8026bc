using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ElasticFunnels.Crm;

/// <summary>
/// A list the API serves in pages, fetched lazily: enumerate it with <c>await foreach</c> for the
/// items, or call <see cref="AsPages(string?, int?)"/> to walk it page by page and get a
/// continuation token to resume later. Nothing is requested until enumeration starts, and each
/// enumeration starts over (it requests the pages again).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <example><code>
/// await foreach (var entry in crm.Entries.ListAutoPagingAsync(entityId, new EntryListOptions { StageId = 2 }, ct))
/// {
///     Console.WriteLine(entry.Title);
/// }
/// </code></example>
public abstract class CrmAsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>Creates a pageable that is not cancelled by anything but the enumerator's token.</summary>
    protected CrmAsyncPageable()
        : this(CancellationToken.None)
    {
    }

    /// <summary>Creates a pageable whose enumerations are cancelled by <paramref name="cancellationToken"/>.</summary>
    /// <param name="cancellationToken">The token given to the list call; it cancels every enumeration.</param>
    protected CrmAsyncPageable(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    /// <summary>The token given to the list call. A token passed to <see cref="GetAsyncEnumerator"/> (or <c>WithCancellation</c>) cancels too.</summary>
    public virtual CancellationToken CancellationToken { get; }

    /// <summary>
    /// Walks the list page by page, starting at the first page (or at the page the list call asked
    /// for), or after the page that produced <paramref name="continuationToken"/>.
    /// </summary>
    /// <param name="continuationToken">A <see cref="CrmPage{T}.ContinuationToken"/> from an earlier enumeration of the same query, or <see langword="null"/> to start.</param>
    /// <param name="pageSizeHint">The page size to ask for; ignored when a continuation token is given (the token keeps the page size it was made with, so page numbers stay aligned).</param>
    /// <returns>The pages, as an async sequence.</returns>
    /// <exception cref="ArgumentException"><paramref name="continuationToken"/> is not a token of this query.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSizeHint"/> is outside the range the API accepts.</exception>
    public abstract IAsyncEnumerable<CrmPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <summary>Enumerates the items of every page, fetching the next page only when the current one is used up.</summary>
    /// <param name="cancellationToken">Stops the enumeration; no further page is requested.</param>
    /// <returns>The enumerator.</returns>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var value in page.Values)
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// Creates a pageable over pages you already have, for tests of code that takes a
    /// <see cref="CrmAsyncPageable{T}"/> (mock <see cref="IEntriesClient.ListAutoPagingAsync(long, EntryListOptions?, CancellationToken)"/> with it).
    /// A continuation token given to <see cref="AsPages(string?, int?)"/> resumes after the page that carries it.
    /// </summary>
    /// <param name="pages">The pages, in order.</param>
    /// <returns>The pageable.</returns>
    [SuppressMessage("Design", "CA1000", Justification = "Mirrors Azure.AsyncPageable<T>.FromPages; the type argument is always explicit.")]
    public static CrmAsyncPageable<T> FromPages(IEnumerable<CrmPage<T>> pages) =>
        new StaticPageable(Guard.NotNull(pages, nameof(pages)).ToArray());

    private sealed class StaticPageable(CrmPage<T>[] pages) : CrmAsyncPageable<T>
    {
        public override IAsyncEnumerable<CrmPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var start = 0;
            if (continuationToken is not null)
            {
                start = Array.FindIndex(pages, p => p.ContinuationToken == continuationToken) + 1;
                if (start == 0)
                {
                    throw new ArgumentException("The continuation token is not one of these pages' tokens.", nameof(continuationToken));
                }
            }

            return Yield(start, CancellationToken.None);
        }

        private async IAsyncEnumerable<CrmPage<T>> Yield(int start, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = start; i < pages.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return pages[i];
            }
        }
    }
}
