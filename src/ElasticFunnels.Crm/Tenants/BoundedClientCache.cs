namespace ElasticFunnels.Crm.Tenants;

/// <summary>
/// The factory's clients, at most <c>capacity</c> of them, dropping the one used least recently. A client is
/// created under the lock, so a tenant asked for by many threads at once still gets one client; creating
/// one builds no handlers and opens no connection, so the lock is held briefly.
/// </summary>
/// <param name="capacity">The most entries kept; at least 1.</param>
internal sealed class BoundedClientCache<TClient>(int capacity)
    where TClient : class
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The client cached under <paramref name="id"/>, or a new one from <paramref name="create"/>.</summary>
    /// <param name="id">The entry's id; never a secret in clear.</param>
    /// <param name="state">What <paramref name="create"/> needs, passed so that no closure is allocated for a hit.</param>
    /// <param name="create">Creates the client when there is none.</param>
    public TClient GetOrAdd<TState>(string id, TState state, Func<TState, TClient> create)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(id, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Client;
            }

            var client = create(state);
            _entries.Add(id, _recency.AddFirst(new Entry(id, client)));
            if (_entries.Count > capacity)
            {
                // Dropped, not disposed: whoever still holds it may go on using it, and it owns nothing
                // (its handlers belong to IHttpClientFactory).
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Id);
            }

            return client;
        }
    }

    private sealed record Entry(string Id, TClient Client);
}
