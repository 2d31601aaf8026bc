namespace ElasticFunnels.Crm;

/// <summary>An async lock per key; a key's semaphore is dropped when nobody holds or waits for it.</summary>
internal sealed class KeyedLock<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, Slot> _slots = [];

    public async ValueTask<IDisposable> LockAsync(TKey key, CancellationToken cancellationToken)
    {
        Slot slot;
        lock (_slots)
        {
            if (!_slots.TryGetValue(key, out slot!))
            {
                slot = new Slot();
                _slots[key] = slot;
            }

            slot.Users++;
        }

        try
        {
            await slot.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(key, slot, held: false);
            throw;
        }

        return new Releaser(this, key, slot);
    }

    private void Release(TKey key, Slot slot, bool held)
    {
        if (held)
        {
            slot.Semaphore.Release();
        }

        lock (_slots)
        {
            if (--slot.Users == 0)
            {
                _slots.Remove(key);
                slot.Semaphore.Dispose();
            }
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(KeyedLock<TKey> owner, TKey key, Slot slot) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(key, slot, held: true);
            }
        }
    }
}
