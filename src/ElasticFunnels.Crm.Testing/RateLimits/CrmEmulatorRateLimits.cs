using System.Globalization;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// The emulator's rate limit, changeable while it runs, and the counts of requests it accepted and
/// refused, per access key and in total. Thread-safe.
/// </summary>
/// <remarks>
/// The limit applies to authenticated requests on routes the emulator serves, after the key check and
/// before queued faults: a refused request changes nothing and consumes no fault. Each accepted key
/// (<see cref="CrmEmulatorOptions.AccessKey"/> and <see cref="CrmEmulatorOptions.AdditionalAccessKeys"/>)
/// has its own budget, so clients with different keys never share one.
/// </remarks>
public sealed class CrmEmulatorRateLimits
{
    private readonly Lock sync = new();
    private readonly AccessKeySet keys;
    private readonly TimeProvider timeProvider;
    private readonly CrmEmulatorRateLimit? configured;
    private readonly KeyWindow[] windows;
    private readonly CrmEmulatorRequestCounts[] counts;
    private CrmEmulatorRateLimit? limit;

    internal CrmEmulatorRateLimits(AccessKeySet keys, TimeProvider timeProvider, CrmEmulatorRateLimit? configured)
    {
        this.keys = keys;
        this.timeProvider = timeProvider;
        this.configured = configured;
        limit = configured;
        windows = new KeyWindow[keys.Count];
        counts = new CrmEmulatorRequestCounts[keys.Count];
    }

    /// <summary>
    /// The limit in force, or null for none (the default). Setting it takes effect from the next request.
    /// Changing only <see cref="CrmEmulatorRateLimit.PermitLimit"/> keeps what each key has used of the
    /// current window; changing <see cref="CrmEmulatorRateLimit.Window"/> starts new windows.
    /// <see cref="CrmEmulator.Reset"/> restores <see cref="CrmEmulatorOptions.RateLimit"/>.
    /// </summary>
    public CrmEmulatorRateLimit? Limit
    {
        get
        {
            lock (sync)
            {
                return limit;
            }
        }

        set
        {
            lock (sync)
            {
                limit = value;
            }
        }
    }

    /// <summary>Requests accepted and refused over all keys since construction or the last reset.</summary>
    public CrmEmulatorRequestCounts Total
    {
        get
        {
            lock (sync)
            {
                return new CrmEmulatorRequestCounts(counts.Sum(c => c.Accepted), counts.Sum(c => c.Rejected));
            }
        }
    }

    /// <summary>
    /// A snapshot of the counts per key, in key order: index 0 is <see cref="CrmEmulatorOptions.AccessKey"/>,
    /// index <c>i + 1</c> is <c>AdditionalAccessKeys[i]</c>. Keys are identified by position so the counts
    /// can be printed without printing a key.
    /// </summary>
    public IReadOnlyList<CrmEmulatorRequestCounts> PerKey
    {
        get
        {
            lock (sync)
            {
                return [.. counts];
            }
        }
    }

    /// <summary>The counts for one accepted key.</summary>
    /// <param name="accessKey">One of the keys the emulator accepts.</param>
    /// <returns>Requests accepted and refused for that key.</returns>
    /// <exception cref="ArgumentException">The emulator does not accept this key (the message does not repeat it).</exception>
    public CrmEmulatorRequestCounts CountsFor(string accessKey)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        if (!keys.TryFind(accessKey, out var index))
        {
            throw new ArgumentException("The emulator does not accept this access key; pass CrmEmulatorOptions.AccessKey or one of AdditionalAccessKeys.", nameof(accessKey));
        }

        lock (sync)
        {
            return counts[index];
        }
    }

    /// <summary>Sets every count to zero. Windows are untouched: a key that used up its budget stays refused until its window ends.</summary>
    public void ResetCounters()
    {
        lock (sync)
        {
            Array.Clear(counts);
        }
    }

    /// <summary>Restores the configured limit and clears windows and counts.</summary>
    internal void Reset()
    {
        lock (sync)
        {
            limit = configured;
            Array.Clear(windows);
            Array.Clear(counts);
        }
    }

    /// <summary>Counts the request against its key's window; returns the 429 to send, or null when it may proceed.</summary>
    internal EmulatorResponse? Admit(int keyIndex)
    {
        lock (sync)
        {
            // Read under the lock, so windows are entered in the order requests are counted.
            var now = timeProvider.GetUtcNow();
            ref var count = ref counts[keyIndex];
            if (limit is not { } current)
            {
                count = count with { Accepted = count.Accepted + 1 };
                return null;
            }

            // Aligned on the clock: window n covers [n × length, (n + 1) × length) in UTC ticks.
            var length = current.Window.Ticks;
            var index = now.UtcTicks / length;
            ref var window = ref windows[keyIndex];
            // Windows only move forward: a clock stepped back counts in the newest window seen.
            if (window.Ticks != length || index > window.Index)
            {
                window = new KeyWindow(index, length, 0);
            }

            if (window.Used < current.PermitLimit)
            {
                window.Used++;
                count = count with { Accepted = count.Accepted + 1 };
                return null;
            }

            count = count with { Rejected = count.Rejected + 1 };
            return TooManyRequests(current.RetryAfter, now, new DateTimeOffset((window.Index + 1) * length, TimeSpan.Zero));
        }
    }

    private static EmulatorResponse TooManyRequests(CrmEmulatorRetryAfter retryAfter, DateTimeOffset now, DateTimeOffset resetAt)
    {
        var response = EmulatorResponse.TooManyRequests();
        return retryAfter switch
        {
            CrmEmulatorRetryAfter.Seconds => response.WithHeader("Retry-After", Math.Max(1, CeilingSeconds((resetAt - now).Ticks)).ToString(CultureInfo.InvariantCulture)),

            // HTTP dates have whole seconds; rounding down would tell the client to come back too early.
            CrmEmulatorRetryAfter.HttpDate => response.WithHeader(
                "Retry-After",
                new DateTimeOffset(CeilingSeconds(resetAt.UtcTicks) * TimeSpan.TicksPerSecond, TimeSpan.Zero).ToString("R", CultureInfo.InvariantCulture)),
            _ => response,
        };

        static long CeilingSeconds(long ticks) => (ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
    }
}
