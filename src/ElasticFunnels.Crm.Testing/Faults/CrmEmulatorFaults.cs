using System.Globalization;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// Fault injection. Faults are queued and consumed in order by the requests that pass authentication
/// and the rate limit (a request the emulator rejects for its key or its rate limit, or a path it does
/// not serve, consumes nothing).
/// Thread-safe.
/// </summary>
public sealed class CrmEmulatorFaults
{
    private readonly Lock sync = new();
    private readonly Queue<FailureFault> failures = new();
    private readonly Queue<DelayFault> delays = new();

    /// <summary>Number of queued failures not yet consumed.</summary>
    public int PendingFailures
    {
        get
        {
            lock (sync)
            {
                return failures.Sum(f => f.Remaining);
            }
        }
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> requests fail with <paramref name="statusCode"/>, without
    /// touching state. Calls queue up: <c>FailNext(2, 503); FailNext(1, 429)</c> answers 503, 503, 429.
    /// </summary>
    /// <param name="count">How many requests fail; zero queues nothing.</param>
    /// <param name="statusCode">The status to answer, 100–599. 3xx answers redirect to an HTML login page.</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header in whole seconds (rounded up).</param>
    /// <param name="body">
    /// A raw body to send instead of the default <c>{"message": ...}</c>; served as HTML when it starts
    /// with '&lt;', as JSON when it parses as JSON, otherwise as plain text.
    /// </param>
    public void FailNext(int count, int statusCode, TimeSpan? retryAfter = null, string? body = null)
    {
        if (retryAfter is { } delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(retryAfter));
        }

        var header = retryAfter is { } value
            ? ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
            : null;
        Enqueue(count, statusCode, header, body);
    }

    /// <summary>
    /// Like <see cref="FailNext(int, int, TimeSpan?, string?)"/>, with <c>Retry-After</c> in its HTTP-date form.
    /// </summary>
    /// <param name="count">How many requests fail; zero queues nothing.</param>
    /// <param name="statusCode">The status to answer, 100–599.</param>
    /// <param name="retryAt">The moment sent as <c>Retry-After</c> (RFC 1123 format).</param>
    /// <param name="body">A raw body to send instead of the default message.</param>
    public void FailNext(int count, int statusCode, DateTimeOffset retryAt, string? body = null) =>
        Enqueue(count, statusCode, retryAt.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture), body);

    /// <summary>
    /// Makes the next <paramref name="count"/> requests end with the connection closed and no answer at
    /// all: the in-memory handler throws <see cref="HttpRequestException"/> (as a socket handler does when
    /// the response ends prematurely) and the loopback server aborts the connection. Calls queue up with
    /// the failures of <see cref="FailNext(int, int, TimeSpan?, string?)"/>.
    /// </summary>
    /// <param name="count">How many requests are dropped; zero queues nothing.</param>
    /// <param name="afterProcessing">
    /// False (the default): the request is dropped before it is handled, so nothing changes. True: it is
    /// handled first (a create creates), then dropped, which is the ambiguous failure a client must not
    /// blindly retry.
    /// </param>
    public void DropConnectionNext(int count, bool afterProcessing = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return;
        }

        lock (sync)
        {
            failures.Enqueue(new FailureFault(count, 0, null, null, afterProcessing ? DropMode.AfterProcessing : DropMode.BeforeProcessing));
        }
    }

    /// <summary>
    /// Adds <paramref name="delay"/> before the response of each of the next <paramref name="count"/>
    /// requests, on top of <see cref="CrmEmulator.Latency"/>. Calls queue up like <see cref="FailNext(int, int, TimeSpan?, string?)"/>.
    /// </summary>
    /// <param name="count">How many requests are delayed; zero queues nothing.</param>
    /// <param name="delay">The extra delay, zero or more.</param>
    public void DelayNext(int count, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        if (count == 0)
        {
            return;
        }

        lock (sync)
        {
            delays.Enqueue(new DelayFault(count, delay));
        }
    }

    /// <summary>Drops every queued failure and delay.</summary>
    public void Clear()
    {
        lock (sync)
        {
            failures.Clear();
            delays.Clear();
        }
    }

    /// <summary>Consumes at most one queued failure and one queued delay for the current request.</summary>
    internal (FailureFault? Failure, TimeSpan Delay) Take()
    {
        lock (sync)
        {
            FailureFault? failure = null;
            if (failures.TryPeek(out var nextFailure))
            {
                failure = nextFailure;
                if (--nextFailure.Remaining == 0)
                {
                    failures.Dequeue();
                }
            }

            var delay = TimeSpan.Zero;
            if (delays.TryPeek(out var nextDelay))
            {
                delay = nextDelay.Delay;
                if (--nextDelay.Remaining == 0)
                {
                    delays.Dequeue();
                }
            }

            return (failure, delay);
        }
    }

    private void Enqueue(int count, int statusCode, string? retryAfter, string? body)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        if (count == 0)
        {
            return;
        }

        lock (sync)
        {
            failures.Enqueue(new FailureFault(count, statusCode, retryAfter, body));
        }
    }
}
