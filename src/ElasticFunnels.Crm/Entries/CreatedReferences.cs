using System.Collections.Concurrent;

namespace ElasticFunnels.Crm;

/// <summary>
/// The entries one client created by reference, remembered for a while because Elasticsearch can take
/// a moment to list a new entry. A reference is forgotten as soon as a search finds it, when its
/// entry turns out to be gone, or after <see cref="Lifetime"/> on the client's clock; expired ones are
/// swept at most once a minute, so a long-running receiver that creates many references does not grow
/// without bound.
/// </summary>
internal sealed class CreatedReferences<TKey>(TimeProvider timeProvider) where TKey : notnull
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<TKey, (string Id, long At)> _entries = new();
    private long _lastSweep = timeProvider.GetTimestamp();

    public void Remember(TKey key, string entryId)
    {
        var now = timeProvider.GetTimestamp();
        _entries[key] = (entryId, now);
        if (timeProvider.GetElapsedTime(Interlocked.Read(ref _lastSweep), now) > SweepEvery)
        {
            Interlocked.Exchange(ref _lastSweep, now);
            foreach (var (k, v) in _entries)
            {
                if (Expired(v.At, now))
                {
                    _entries.TryRemove(k, out _);
                }
            }
        }
    }

    public string? Recall(TKey key)
    {
        if (!_entries.TryGetValue(key, out var value))
        {
            return null;
        }

        if (Expired(value.At, timeProvider.GetTimestamp()))
        {
            _entries.TryRemove(key, out _);
            return null;
        }

        return value.Id;
    }

    public void Forget(TKey key) => _entries.TryRemove(key, out _);

    private bool Expired(long at, long now) => timeProvider.GetElapsedTime(at, now) > Lifetime;
}
