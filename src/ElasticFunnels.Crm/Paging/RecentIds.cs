namespace ElasticFunnels.Crm.Paging;

/// <summary>
/// The ids of the last <c>capacity</c> items a paged enumeration yielded: enough to drop the
/// rows that shift onto the next page when the list changes between two requests, in memory that
/// does not grow with the length of the list.
/// </summary>
internal sealed class RecentIds(int capacity)
{
    private readonly string[] _ring = new string[capacity];
    private readonly HashSet<string> _set = new(capacity, StringComparer.Ordinal);
    private int _next;
    private int _count;

    /// <summary>Adds an id, forgetting the oldest when full. Returns false when it was already there.</summary>
    public bool Add(string id)
    {
        if (!_set.Add(id))
        {
            return false;
        }

        if (_count == _ring.Length)
        {
            _set.Remove(_ring[_next]);
        }
        else
        {
            _count++;
        }

        _ring[_next] = id;
        _next = (_next + 1) % _ring.Length;
        return true;
    }

    /// <summary>The newest <paramref name="max"/> ids, oldest of them first.</summary>
    public IEnumerable<string> Newest(int max)
    {
        var take = Math.Min(max, _count);
        for (var i = take; i > 0; i--)
        {
            yield return _ring[(_next - i + _ring.Length) % _ring.Length];
        }
    }
}
