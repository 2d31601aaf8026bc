using ElasticFunnels.Crm.RateLimiting;

namespace ElasticFunnels.Crm.Tests.RateLimiting;

/// <summary>The budget's algorithm as documented on CrmRateLimitOptions, on an explicit clock (ticks).</summary>
public sealed class RequestBudgetAlgorithmTests
{
    private static readonly CrmRateLimitPolicy Adaptive = CrmRateLimitPolicy.From(new CrmRateLimitOptions());

    private static long At(double seconds) => (long)(seconds * TimeSpan.TicksPerSecond);

    private static CrmRateLimitLease Take(RequestBudget budget, double now, CrmRateLimitPolicy? policy = null, double maxWait = 3600)
    {
        var lease = budget.Acquire(At(now), policy ?? Adaptive, TimeSpan.FromSeconds(maxWait), null);
        Assert.True(lease.Granted);
        return lease;
    }

    [Fact]
    public void Adaptive_BeforeAnyRefusal_EveryRequestGoesAtOnce()
    {
        var budget = new RequestBudget();

        var waits = Enumerable.Range(0, 100).Select(_ => Take(budget, 0).Wait).Distinct();

        Assert.Equal([TimeSpan.Zero], waits);
        Assert.True(double.IsPositiveInfinity(budget.Rate));
    }

    [Fact]
    public void Refusal_AfterAnEpisode_RateIsWhatTheServerAcceptedOverTheEpisodeAndPause()
    {
        var budget = new RequestBudget();
        for (var i = 0; i < 20; i++)
        {
            budget.Report(At(0.2), Adaptive, Take(budget, 0.0), refused: false, retryAfter: null);
        }

        var refused = Take(budget, 0.4);
        budget.Report(At(0.4), Adaptive, refused, refused: true, retryAfter: TimeSpan.FromSeconds(0.6));

        // 20 accepted from 0 s to the end of the pause at 1 s: the server's 20 a second.
        Assert.Equal(20, budget.Rate, precision: 6);
        Assert.Equal(TimeSpan.FromSeconds(0.6), Take(budget, 0.4).Wait);
        Assert.Equal(TimeSpan.FromSeconds(0.65), Take(budget, 0.4).Wait);
        Assert.Equal(TimeSpan.FromSeconds(0.70), Take(budget, 0.4).Wait);
    }

    [Fact]
    public void Refusal_AfterAnIdleStretch_IdleTimeIsNotCountedInTheEpisode()
    {
        // One call at start-up, nothing for 10 s, then a burst: 20 accepted in 0.5 s and a 429 pausing 0.5 s.
        var budget = new RequestBudget();
        budget.Report(At(0.1), Adaptive, Take(budget, 0.0), refused: false, retryAfter: null);
        for (var i = 0; i < 20; i++)
        {
            budget.Report(At(10.2), Adaptive, Take(budget, 10.0), refused: false, retryAfter: null);
        }

        budget.Report(At(10.5), Adaptive, Take(budget, 10.5), refused: true, retryAfter: TimeSpan.FromSeconds(0.5));

        // 21 accepted over the 1.1 s of activity (0..0.1 s, the first call in flight, and 10..11 s, the burst and
        // the pause), not over the 11 s since the first call.
        Assert.Equal(21 / 1.1, budget.Rate, precision: 6);
    }

    [Fact]
    public void Acceptance_AnsweredAfterThe429_CountsTowardsTheEstimateItMade()
    {
        // 20 requests go out together and the server accepts them all, then refuses a 21st; the 429 comes
        // back before 19 of the 200s.
        var budget = new RequestBudget();
        var inFlight = Enumerable.Range(0, 20).Select(_ => Take(budget, 0)).ToList();
        var refused = Take(budget, 0);
        budget.Report(At(0.1), Adaptive, inFlight[0], refused: false, retryAfter: null);
        budget.Report(At(0.2), Adaptive, refused, refused: true, retryAfter: TimeSpan.FromSeconds(0.8));
        Assert.Equal(1, budget.Rate, precision: 6); // 1 accepted over 0..1 s, so far

        foreach (var late in inFlight.Skip(1))
        {
            budget.Report(At(0.3), Adaptive, late, refused: false, retryAfter: null);
        }

        Assert.Equal(20, budget.Rate, precision: 6);
    }

    [Fact]
    public void FirstRefusal_ClimbsTowardsWhatGotThroughSpreadOverThePause()
    {
        // A slow start: the first 20 are accepted over 2 s, then a 429 with Retry-After 1 s. The rate is
        // 20 over 3 s; the ceiling, for a fixed-window server, 20 in the 1 s pause.
        var budget = new RequestBudget();
        for (var i = 0; i < 20; i++)
        {
            budget.Report(At(0.1 * i), Adaptive, Take(budget, 0.1 * i), refused: false, retryAfter: null);
        }

        budget.Report(At(2), Adaptive, Take(budget, 2), refused: true, retryAfter: TimeSpan.FromSeconds(1));
        Assert.Equal(20 / 3.0, budget.Rate, precision: 6);

        Take(budget, 4); // a second after the pause: the gap to 97 % of 20 a second shrank by e
        var target = 20 * 0.97;
        Assert.Equal(target - ((target - (20 / 3.0)) / Math.E), budget.Rate, precision: 6);
    }

    [Fact]
    public void Refusal_WhenOthersUsedTheWindow_CostsAtMostHalfTheKnownRate()
    {
        var budget = new RequestBudget();
        for (var i = 0; i < 20; i++)
        {
            budget.Report(At(0.2), Adaptive, Take(budget, 0.0), refused: false, retryAfter: null);
        }

        budget.Report(At(0.4), Adaptive, Take(budget, 0.4), refused: true, retryAfter: TimeSpan.FromSeconds(0.6));
        Assert.Equal(20, budget.Rate, precision: 6);

        // Traffic this budget does not see (another app on the key) took the next window: one request got
        // through before a 429 that pauses until 3 s. 1 over 1..3 s would be 0.5/s; half the rate is kept.
        budget.Report(At(1.1), Adaptive, Take(budget, 1.0), refused: false, retryAfter: null);
        var second = Take(budget, 1.2);
        var refusedAt = budget.Rate; // climbing back since the pause ended at 1 s
        budget.Report(At(1.2), Adaptive, second, refused: true, retryAfter: TimeSpan.FromSeconds(1.8));

        Assert.InRange(refusedAt, 20.5, 33);
        Assert.Equal(refusedAt / 2, budget.Rate, precision: 6);
    }

    [Fact]
    public void Refusal_OfARequestSentBeforeThePause_OnlyExtendsThePauseToItsRetryAfter()
    {
        var budget = new RequestBudget();
        var early = Enumerable.Range(0, 3).Select(_ => Take(budget, 0)).ToList();
        budget.Report(At(0.1), Adaptive, early[0], refused: false, retryAfter: null);
        budget.Report(At(0.2), Adaptive, early[1], refused: true, retryAfter: TimeSpan.FromSeconds(1));
        var rate = budget.Rate;

        budget.Report(At(0.25), Adaptive, early[2], refused: true, retryAfter: TimeSpan.FromSeconds(1));

        // Not a new episode: the rate stays; the pause ends at the later of the two hints (1.25 s).
        Assert.Equal(rate, budget.Rate);
        Assert.Equal(TimeSpan.FromSeconds(1), Take(budget, 0.25).Wait);
    }

    [Fact]
    public void Refusal_RightAfterAPause_HalvesTheRateAndDoublesTheBackoff()
    {
        var policy = CrmRateLimitPolicy.From(new CrmRateLimitOptions { InitialBackoff = TimeSpan.FromSeconds(1) });
        var budget = new RequestBudget();
        budget.Report(At(0), policy, Take(budget, 0, policy), refused: false, retryAfter: null);
        budget.Report(At(1), policy, Take(budget, 1, policy), refused: true, retryAfter: null); // 1 accepted over 0..2 s: 0.5/s
        Assert.Equal(0.5, budget.Rate, precision: 6);

        var afterPause = Take(budget, 2, policy);
        budget.Report(At(2), policy, afterPause, refused: true, retryAfter: null);

        Assert.Equal(0.25, budget.Rate, precision: 6);
        Assert.Equal(TimeSpan.FromSeconds(2), Take(budget, 2, policy).Wait); // backoff doubled: paused until 4 s
    }

    [Fact]
    public void Rate_AfterADecrease_ClimbsBackTowardsTheRefusedRateThenCreepsPastIt()
    {
        var budget = new RequestBudget();
        for (var i = 0; i < 50; i++)
        {
            budget.Report(At(0), Adaptive, Take(budget, 0), refused: false, retryAfter: null);
        }

        budget.Report(At(0.5), Adaptive, Take(budget, 0.5), refused: true, retryAfter: TimeSpan.FromSeconds(0.5)); // 50 a second
        budget.Report(At(1.1), Adaptive, Take(budget, 1.0), refused: false, retryAfter: null);
        var second = Take(budget, 1.2);
        var refusedAt = budget.Rate;
        budget.Report(At(1.2), Adaptive, second, refused: true, retryAfter: TimeSpan.FromSeconds(1.8));
        Assert.Equal(refusedAt / 2, budget.Rate, precision: 6); // 1 accepted over 1..3 s: the halving floor

        // The pause ends at 3 s. The gap to 97 % of the refused rate shrinks by e each second...
        var target = refusedAt * 0.97;
        Take(budget, 4);
        Assert.Equal(target - ((target - (refusedAt / 2)) / Math.E), budget.Rate, precision: 6);
        Take(budget, 20);
        Assert.Equal(target, budget.Rate, precision: 3);
        Take(budget, 21);
        Assert.Equal(target, budget.Rate, precision: 9); // the last step: at least 0.2 a second, capped at the target

        // ...then the rate creeps on by 0.5 % a second near the refused rate, and by 2 % well above it.
        Take(budget, 31);
        Assert.Equal(target * (1 + (0.005 * 10)), budget.Rate, precision: 3);
        Take(budget, 50);
        var probing = budget.Rate;
        Take(budget, 51);
        Assert.Equal(probing * 1.02, budget.Rate, precision: 6);
    }

    [Fact]
    public void Fixed_RequestsSpacedByTheInterval_NoAdaptation()
    {
        var policy = CrmRateLimitPolicy.From(new CrmRateLimitOptions { Mode = CrmRateLimitMode.Fixed, PermitLimit = 10, Window = TimeSpan.FromSeconds(1) });
        var budget = new RequestBudget();

        var waits = Enumerable.Range(0, 4).Select(_ => Take(budget, 0, policy).Wait.TotalMilliseconds).ToList();
        budget.Report(At(0), policy, Take(budget, 0, policy), refused: true, retryAfter: TimeSpan.FromSeconds(3));

        Assert.Equal([0, 100, 200, 300], waits);
        Assert.Equal(TimeSpan.FromSeconds(3), Take(budget, 0, policy).Wait);
        Assert.Equal(TimeSpan.FromSeconds(3.1), Take(budget, 0, policy).Wait);
    }

    [Fact]
    public void Release_LastPlace_RollsBackAndAnEarlierPlaceIsReused()
    {
        var policy = CrmRateLimitPolicy.From(new CrmRateLimitOptions { Mode = CrmRateLimitMode.Fixed, PermitLimit = 1 });
        var budget = new RequestBudget();
        Take(budget, 0, policy);
        var second = Take(budget, 0, policy);
        var third = Take(budget, 0, policy);

        budget.Release(third, policy);
        Assert.Equal(TimeSpan.FromSeconds(2), Take(budget, 0, policy).Wait);
        budget.Release(second, policy);

        Assert.Equal(TimeSpan.FromSeconds(1), Take(budget, 0, policy).Wait);
        Assert.Equal(TimeSpan.FromSeconds(3), Take(budget, 0, policy).Wait);
    }

    [Fact]
    public void Acquire_WaitBeyondMaxWaitOrFullQueue_RefusedWithoutTakingAPlace()
    {
        var policy = CrmRateLimitPolicy.From(new CrmRateLimitOptions { Mode = CrmRateLimitMode.Fixed, PermitLimit = 1, QueueLimit = 2 });
        var budget = new RequestBudget();
        Take(budget, 0, policy);

        var tooLong = budget.Acquire(0, policy, TimeSpan.FromSeconds(0.5), null);
        Take(budget, 0, policy);
        Take(budget, 0, policy);
        var full = budget.Acquire(0, policy, TimeSpan.FromHours(1), null);

        Assert.False(tooLong.Granted);
        Assert.Equal(TimeSpan.FromSeconds(1), tooLong.Wait);
        Assert.False(full.Granted);
        Assert.Equal(TimeSpan.FromSeconds(3), full.Wait);
    }

    [Fact]
    public void Confirm_AfterAPauseBegan_PlaceIsVoidAndANewOneFollowsThePause()
    {
        var policy = CrmRateLimitPolicy.From(new CrmRateLimitOptions { Mode = CrmRateLimitMode.Fixed, PermitLimit = 1 });
        var budget = new RequestBudget();
        var sent = Take(budget, 0, policy);
        var queued = Take(budget, 0, policy);
        budget.Report(At(0.5), policy, sent, refused: true, retryAfter: TimeSpan.FromSeconds(5));

        var confirmed = budget.Acquire(At(1), policy, TimeSpan.FromHours(1), queued);

        Assert.True(confirmed.Granted);
        Assert.Equal(TimeSpan.FromSeconds(4.5), confirmed.Wait);
    }
}
