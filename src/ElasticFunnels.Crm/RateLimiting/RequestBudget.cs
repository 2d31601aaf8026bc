namespace ElasticFunnels.Crm.RateLimiting;

/// <summary>
/// The budget of one key, in this process: the reference implementation of the algorithm described on
/// <see cref="CrmRateLimitOptions"/> (the Redis store runs the same rules in Lua). Times are ticks of the
/// store's clock.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Pacing: a request may leave at <c>max(now, pause end, next free)</c>; taking that place moves
/// <c>next free</c> one interval on (1 / rate, or the fixed interval). A place given back by a cancelled
/// caller is taken by the next request.</item>
/// <item>Episodes: the time from one pause's end to the next 429, less idle stretches (<see cref="IdleGap"/>). A
/// 429 of the current episode starts a pause (the server's <c>Retry-After</c>, else the backoff) and a new epoch:
/// places given out before it are void and their holders queue again. Adaptive: the rate becomes the requests
/// accepted in the episode (late answers included) divided by the time from its start to the pause's end, but
/// never less than half the rate before the 429; a 429 right after a pause (nothing accepted) halves it.
/// Between 429s it climbs back towards the rate refused (the ceiling), then probes above it (<see cref="Grow"/>).</item>
/// </list>
/// </remarks>
internal sealed class RequestBudget
{
    /// <summary>A stretch without requests or answers longer than this is idle: it is left out of the episode.</summary>
    internal static readonly long IdleGap = TimeSpan.TicksPerSecond;

    // After a decrease the rate climbs back to just under the rate that was refused (the ceiling) within a few
    // seconds, creeps past it slowly, and probes faster only well above it: few 429s near a known limit, and
    // a low estimate (traffic the budget did not see) costs seconds instead of a minute of 2% steps.
    internal const double RecoverTo = 0.97;
    internal const double RecoverySeconds = 1.0;
    internal const double PlateauIncreasePerSecond = 0.005;
    internal const double ProbeAbove = 1.05;

    private readonly Lock _gate = new();
    private readonly SortedSet<long> _freed = [];
    private double _rate = double.PositiveInfinity;
    private double _ceiling;
    private long _nextFree;
    private long _pausedUntil;
    private long _epoch;
    private long _episodeStart = -1;
    private long _episodeAccepted;
    private long _previousAccepted;
    private double _previousSeconds;
    private double _previousPauseSeconds;
    private long _lastIncrease;
    private long _lastActive;
    private int _quickRefusals;
    private int _queued;

    /// <summary>The adaptive rate in requests per second (infinity until the first 429).</summary>
    public double Rate
    {
        get
        {
            lock (_gate)
            {
                return _rate;
            }
        }
    }

    public CrmRateLimitLease Acquire(long now, CrmRateLimitPolicy policy, TimeSpan maxWait, CrmRateLimitLease? previous)
    {
        lock (_gate)
        {
            if (_episodeStart < 0)
            {
                _episodeStart = now;
                _lastIncrease = now;
                _lastActive = now;
            }

            Grow(now, policy);
            SkipIdle(now);
            if (previous is { Granted: true } held)
            {
                if (held.Wait > TimeSpan.Zero)
                {
                    _queued--;
                }

                if (held.Epoch == _epoch)
                {
                    return held with { Wait = TimeSpan.Zero };
                }
            }

            var earliest = Math.Max(now, _pausedUntil);
            while (_freed.Count > 0 && _freed.Min < earliest)
            {
                _freed.Remove(_freed.Min);
            }

            var reuse = _freed.Count > 0;
            var slot = reuse ? _freed.Min : Math.Max(earliest, _nextFree);
            var wait = TimeSpan.FromTicks(slot - now);
            if (wait > maxWait || (wait > TimeSpan.Zero && _queued >= policy.QueueLimit))
            {
                return new CrmRateLimitLease(Granted: false, wait, slot, _epoch);
            }

            if (reuse)
            {
                _freed.Remove(slot);
            }
            else
            {
                _nextFree = slot + Interval(policy);
            }

            if (wait > TimeSpan.Zero)
            {
                _queued++;
            }

            return new CrmRateLimitLease(Granted: true, wait, slot, _epoch);
        }
    }

    public void Release(CrmRateLimitLease lease, CrmRateLimitPolicy policy)
    {
        lock (_gate)
        {
            if (!lease.Granted)
            {
                return;
            }

            if (lease.Wait > TimeSpan.Zero)
            {
                _queued--;
            }

            if (lease.Epoch != _epoch)
            {
                return;
            }

            if (lease.Slot + Interval(policy) == _nextFree)
            {
                _nextFree = lease.Slot;
            }
            else
            {
                _freed.Add(lease.Slot);
            }
        }
    }

    public void Report(long now, CrmRateLimitPolicy policy, CrmRateLimitLease lease, bool refused, TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            SkipIdle(now);
            if (!refused)
            {
                if (lease.Epoch == _epoch)
                {
                    _episodeAccepted++;
                }
                else if (lease.Epoch == _epoch - 1 && policy.Mode == CrmRateLimitMode.Adaptive && _previousSeconds > 0)
                {
                    // Accepted before the 429 but answered after it (many calls in flight): it counts towards the
                    // estimate the 429 made, which would otherwise depend on the order the answers came back in.
                    _previousAccepted++;
                    var estimate = Math.Max(policy.MinRate, _previousAccepted / _previousSeconds);
                    _rate = double.IsPositiveInfinity(_rate) ? estimate : Math.Max(_rate, estimate);
                    if (_previousPauseSeconds > 0)
                    {
                        _ceiling = Math.Max(_ceiling, _previousAccepted / _previousPauseSeconds);
                    }
                }

                return;
            }

            if (lease.Epoch != _epoch || now < _pausedUntil)
            {
                // A pause already covers this refusal (the request was in flight when it began).
                if (retryAfter is { } longer)
                {
                    _pausedUntil = Math.Max(_pausedUntil, now + longer.Ticks);
                }

                return;
            }

            // Refused again right after a pause, with nothing accepted in between: the pause was too short.
            var quick = _epoch > 0 && _episodeAccepted == 0;
            _quickRefusals = quick ? _quickRefusals + 1 : 0;
            var backoff = Math.Min(policy.MaxBackoff.Ticks, policy.InitialBackoff.Ticks * (1L << Math.Min(_quickRefusals, 20)));
            _pausedUntil = now + (retryAfter?.Ticks ?? backoff);

            if (policy.Mode == CrmRateLimitMode.Adaptive)
            {
                // The rate that was refused is the ceiling to climb back to. The first 429 ends an unpaced burst:
                // what got through, spread over the pause, is the limit of a fixed-window server (50 accepted,
                // Retry-After 1 s: 50 a second; 600, Retry-After 60 s: 10 a second). If that is too high, the
                // climb meets a 429 below it, and the rate refused there becomes the ceiling.
                var first = double.IsPositiveInfinity(_rate);
                var pauseSeconds = TimeSpan.FromTicks(_pausedUntil - now).TotalSeconds;
                _previousPauseSeconds = first ? pauseSeconds : 0;
                _ceiling = !first ? _rate : pauseSeconds > 0 ? _episodeAccepted / pauseSeconds : 0;

                // What this budget got through is a lower bound of the limit: traffic it does not see (another
                // app on the key, a process without the shared store) lowers it. So one 429 costs at most half
                // of a known rate, as in AIMD, and growth finds the rest.
                var halved = double.IsPositiveInfinity(_rate) ? 0 : _rate / 2;
                _previousAccepted = _episodeAccepted;
                _previousSeconds = TimeSpan.FromTicks(_pausedUntil - _episodeStart).TotalSeconds;
                _rate = _episodeAccepted > 0
                    ? Math.Max(policy.MinRate, Math.Max(halved, _episodeAccepted / _previousSeconds))
                    : double.IsPositiveInfinity(_rate) ? _rate : Math.Max(policy.MinRate, halved);
            }

            _epoch++;
            _episodeStart = _pausedUntil;
            _episodeAccepted = 0;
            _lastIncrease = _pausedUntil;
            _nextFree = _pausedUntil;
            _freed.Clear();
        }
    }

    // The estimate is what the server accepted over the time callers wanted to send: a start-up call followed
    // by minutes of silence (or of a fallback to another store) says nothing about the limit, so the silence
    // moves the episode's start on instead of diluting the rate.
    private void SkipIdle(long now)
    {
        if (_episodeStart >= 0 && now >= _pausedUntil)
        {
            var idle = now - Math.Max(_lastActive, _episodeStart);
            if (idle > IdleGap)
            {
                _episodeStart += idle;
            }
        }

        _lastActive = Math.Max(_lastActive, now);
    }

    private void Grow(long now, CrmRateLimitPolicy policy)
    {
        if (policy.Mode != CrmRateLimitMode.Adaptive || double.IsPositiveInfinity(_rate) || now <= _lastIncrease || now < _pausedUntil)
        {
            return;
        }

        var seconds = TimeSpan.FromTicks(now - _lastIncrease).TotalSeconds;
        _lastIncrease = now;
        var target = _ceiling * RecoverTo;
        if (_rate < target)
        {
            // The gap to the target shrinks by e every RecoverySeconds, however often the rate is read.
            var recovered = target - ((target - _rate) * Math.Exp(-seconds / RecoverySeconds));
            _rate = Math.Min(target, Math.Max(recovered, _rate + (policy.MinIncreasePerSecond * seconds)));
        }
        else
        {
            var increase = _rate < _ceiling * ProbeAbove ? PlateauIncreasePerSecond : policy.IncreasePerSecond;
            _rate += Math.Max(policy.MinIncreasePerSecond, _rate * increase) * seconds;
        }
    }

    private long Interval(CrmRateLimitPolicy policy) =>
        policy.Mode == CrmRateLimitMode.Fixed ? policy.FixedInterval.Ticks
        : double.IsPositiveInfinity(_rate) ? 0
        : (long)(TimeSpan.TicksPerSecond / _rate);
}
