using System.Collections.Concurrent;

namespace ConversionWebhook;

/// <summary>
/// Remembers delivery ids so a redelivered postback is acknowledged without being processed again.
/// In memory, per process, with expiry: good enough for a sample. Several instances, or a restart,
/// need a shared store (a database table with a unique key, Redis SET NX with a TTL). Correctness does
/// not rest on it: the upsert by reference never creates a second lead for one conversion.
/// </summary>
public sealed class DeliveryStore(TimeProvider timeProvider, TimeSpan retention)
{
    private readonly ConcurrentDictionary<string, Record> _deliveries = new(StringComparer.Ordinal);
    private long _calls;

    public DeliveryState TryBegin(string deliveryId)
    {
        var now = timeProvider.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % 256 == 0)
        {
            Sweep(now);
        }

        var fresh = new Record(now, Completed: false);
        while (true)
        {
            var existing = _deliveries.GetOrAdd(deliveryId, fresh);
            if (ReferenceEquals(existing, fresh))
            {
                return DeliveryState.New;
            }

            if (now - existing.At < retention)
            {
                return existing.Completed ? DeliveryState.Completed : DeliveryState.InProgress;
            }

            // Expired: take its place, unless another request did so first.
            if (_deliveries.TryUpdate(deliveryId, fresh, existing))
            {
                return DeliveryState.New;
            }
        }
    }

    public void Complete(string deliveryId) => _deliveries[deliveryId] = new Record(timeProvider.GetUtcNow(), Completed: true);

    /// <summary>Forgets a delivery that failed, so the vendor's retry is processed.</summary>
    public void Abandon(string deliveryId) => _deliveries.TryRemove(deliveryId, out _);

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (id, record) in _deliveries)
        {
            if (now - record.At >= retention)
            {
                _deliveries.TryRemove(new KeyValuePair<string, Record>(id, record));
            }
        }
    }

    private sealed record Record(DateTimeOffset At, bool Completed);
}
