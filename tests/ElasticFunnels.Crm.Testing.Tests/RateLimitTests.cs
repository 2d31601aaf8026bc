using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class RateLimitTests
{
    private const string SecondKey = "ef_second_key";
    private const string TooManyRequestsBody = """{"message":"Too many requests. Please slow down."}""";

    /// <summary>A whole second, so windows of 1 s, 2.5 s and 5 s all start here.</summary>
    private static readonly DateTimeOffset WindowStart = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OverTheLimit_InOneWindow_Answers429WithDocumentedBodyAndSecondsUntilTheWindowEnds()
    {
        await using var api = Limited(Clock(300), new CrmEmulatorRateLimit(3));

        var statuses = await Statuses(api.Http, 3);
        var refused = await api.Get("entities");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(TooManyRequestsBody, refused.Text);
        Assert.Equal("application/json", refused.ContentType);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Response.Headers.RetryAfter!.Delta);
        Assert.DoesNotContain(refused.Response.Headers, h => h.Key.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(500, 5)]
    [InlineData(4200, 1)]
    [InlineData(4999, 1)]
    public async Task RetryAfterSeconds_SecondsLeftInTheWindow_AreRoundedUp(int millisecondsIntoWindow, int expectedSeconds)
    {
        var limit = new CrmEmulatorRateLimit(1) { Window = TimeSpan.FromSeconds(5) };
        await using var api = Limited(Clock(millisecondsIntoWindow), limit);

        await api.Get("entities");
        var refused = await api.Get("entities");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), refused.Response.Headers.RetryAfter!.Delta);
    }

    [Theory]
    [InlineData(1000, 1)]
    [InlineData(2500, 3)]
    public async Task RetryAfterHttpDate_IsTheWindowEndOnTheEmulatorClock_RoundedUpToTheSecond(int windowMilliseconds, int expectedSecondsAfterStart)
    {
        var limit = new CrmEmulatorRateLimit(1) { Window = TimeSpan.FromMilliseconds(windowMilliseconds), RetryAfter = CrmEmulatorRetryAfter.HttpDate };
        await using var api = Limited(Clock(300), limit);

        await api.Get("entities");
        var refused = await api.Get("entities");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Null(refused.Response.Headers.RetryAfter!.Delta);
        Assert.Equal(WindowStart.AddSeconds(expectedSecondsAfterStart), refused.Response.Headers.RetryAfter.Date);
    }

    [Fact]
    public async Task RetryAfterNone_Refusal_HasNoRetryAfterHeader()
    {
        await using var api = Limited(Clock(), new CrmEmulatorRateLimit(1) { RetryAfter = CrmEmulatorRetryAfter.None });

        await api.Get("entities");
        var refused = await api.Get("entities");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(TooManyRequestsBody, refused.Text);
        Assert.Null(refused.Response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Windows_AreAlignedOnTheClock_NotStartedByTheFirstRequest()
    {
        var time = Clock(900);
        await using var api = Limited(time, new CrmEmulatorRateLimit(2));

        var late = await Statuses(api.Http, 3);
        time.Advance(TimeSpan.FromMilliseconds(100));
        var next = await Statuses(api.Http, 3);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], late);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], next);
        Assert.Equal(new CrmEmulatorRequestCounts(4, 2), api.Emulator.RateLimits.Total);
    }

    [Fact]
    public async Task Windows_ClockSteppedBack_CountInTheNewestWindowSeen()
    {
        var clock = new SteppingClock { Now = WindowStart.AddMilliseconds(1200) };
        await using var api = new Api(new CrmEmulatorOptions { TimeProvider = clock, RateLimit = new CrmEmulatorRateLimit(1) });

        var before = await Statuses(api.Http, 1);
        clock.Now = WindowStart.AddMilliseconds(500);
        var afterStepBack = await api.Get("entities");

        Assert.Equal([HttpStatusCode.OK], before);
        Assert.Equal(HttpStatusCode.TooManyRequests, afterStepBack.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), afterStepBack.Response.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task RefusedRequest_ChangesNothingAndConsumesNoQueuedFault()
    {
        var time = Clock();
        await using var api = Limited(time, new CrmEmulatorRateLimit(1));

        await api.Get("entities");
        api.Emulator.Faults.FailNext(1, 503);
        var refused = await api.Post("entities/1/entries", """{"title":"X","pipeline_id":1,"stage_id":1}""");
        var pendingAfterRefusal = api.Emulator.Faults.PendingFailures;
        time.Advance(TimeSpan.FromSeconds(1));
        var faulted = await api.Get("entities");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(0, api.Emulator.EntryCount(1));
        Assert.Equal(1, pendingAfterRefusal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.Status);
    }

    [Fact]
    public async Task DifferentKeys_HaveSeparateBudgetsAndCounts()
    {
        await using var api = Limited(Clock(), new CrmEmulatorRateLimit(2), SecondKey);
        using var second = api.Emulator.CreateClient(SecondKey);

        var first = await Statuses(api.Http, 3);
        var other = await Statuses(second, 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK], other);
        var limits = api.Emulator.RateLimits;
        Assert.Equal(new CrmEmulatorRequestCounts(2, 1), limits.CountsFor(api.Emulator.AccessKey));
        Assert.Equal(new CrmEmulatorRequestCounts(1, 0), limits.CountsFor(SecondKey));
        Assert.Equal([new CrmEmulatorRequestCounts(2, 1), new CrmEmulatorRequestCounts(1, 0)], limits.PerKey);
        Assert.Equal(new CrmEmulatorRequestCounts(3, 1), limits.Total);
        Assert.Equal(4, limits.Total.Total);
    }

    [Fact]
    public async Task ConcurrentRequests_OnTwoKeys_ExactlyTheLimitOfEachIsAccepted()
    {
        await using var api = Limited(Clock(), new CrmEmulatorRateLimit(20), SecondKey);
        using var second = api.Emulator.CreateClient(SecondKey);

        var sends = Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            using var response = await (i % 2 == 0 ? api.Http : second).GetAsync(api.Crm("entity-presets"));
            return response.StatusCode;
        }));
        var statuses = await Task.WhenAll(sends);

        Assert.Equal(40, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(60, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal([new CrmEmulatorRequestCounts(20, 30), new CrmEmulatorRequestCounts(20, 30)], api.Emulator.RateLimits.PerKey);
    }

    [Fact]
    public async Task Counts_WithoutALimit_CountEveryAuthenticatedRequestAsAccepted()
    {
        await using var api = Api.Seeded();

        await Statuses(api.Http, 3);

        Assert.Null(api.Emulator.RateLimits.Limit);
        Assert.Equal(new CrmEmulatorRequestCounts(3, 0), api.Emulator.RateLimits.Total);
    }

    [Fact]
    public async Task UnauthenticatedOrUnroutedRequests_AreNeitherLimitedNorCounted()
    {
        await using var api = Limited(Clock(), new CrmEmulatorRateLimit(1));
        using var wrongKey = api.Emulator.CreateClient("ef_wrong");
        using var noKey = new HttpClient(api.Emulator.CreateHandler()) { BaseAddress = api.Emulator.BaseAddress };

        var wrong = await Statuses(wrongKey, 2);
        var missing = await Statuses(noKey, 2);
        var unrouted = await api.Get("nowhere");
        var allowed = await api.Get("entities");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], wrong);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], missing);
        Assert.Equal(HttpStatusCode.NotFound, unrouted.Status);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal(new CrmEmulatorRequestCounts(1, 0), api.Emulator.RateLimits.Total);
    }

    [Fact]
    public async Task ResetCounters_ZeroesCountsButKeepsTheWindow()
    {
        await using var api = Limited(Clock(), new CrmEmulatorRateLimit(1));

        await Statuses(api.Http, 2);
        api.Emulator.RateLimits.ResetCounters();
        var zeroed = api.Emulator.RateLimits.Total;
        var stillRefused = await api.Get("entities");

        Assert.Equal(default, zeroed);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.Status);
        Assert.Equal(new CrmEmulatorRequestCounts(0, 1), api.Emulator.RateLimits.Total);
    }

    [Fact]
    public async Task Limit_ChangedAtRunTime_TakesEffectOnTheNextRequest()
    {
        await using var api = Limited(Clock(), null);
        var limits = api.Emulator.RateLimits;

        var unlimited = await Statuses(api.Http, 3);
        limits.Limit = new CrmEmulatorRateLimit(1);
        var limited = await Statuses(api.Http, 2);
        limits.Limit = new CrmEmulatorRateLimit(3);
        var raised = await Statuses(api.Http, 3);
        limits.Limit = new CrmEmulatorRateLimit(1) { Window = TimeSpan.FromSeconds(2) };
        var newWindowLength = await Statuses(api.Http, 2);
        limits.Limit = null;
        var off = await Statuses(api.Http, 2);

        Assert.All(unlimited, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], limited);

        // Raising the limit keeps the request already counted in this window: two more, then refused.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], raised);

        // A different window length starts a new window.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], newWindowLength);
        Assert.All(off, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(new CrmEmulatorRequestCounts(9, 3), limits.Total);
    }

    [Fact]
    public async Task Reset_RestoresTheConfiguredLimitAndClearsWindowsAndCounts()
    {
        var configured = new CrmEmulatorRateLimit(1);
        await using var api = Limited(Clock(), configured);

        await Statuses(api.Http, 2);
        api.Emulator.RateLimits.Limit = null;
        api.Emulator.Reset();
        var countsAfterReset = api.Emulator.RateLimits.Total;
        var afterReset = await Statuses(api.Http, 2);

        Assert.Same(configured, api.Emulator.RateLimits.Limit);
        Assert.Equal(default, countsAfterReset);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], afterReset);
    }

    [Fact]
    public void RateLimit_InvalidSettings_ThrowNamingTheSetting()
    {
        Assert.Equal("permitLimit", Assert.Throws<ArgumentOutOfRangeException>(() => new CrmEmulatorRateLimit(0)).ParamName);
        Assert.Equal("Window", Assert.Throws<ArgumentOutOfRangeException>(() => new CrmEmulatorRateLimit(1) { Window = TimeSpan.Zero }).ParamName);
        Assert.Equal("RetryAfter", Assert.Throws<ArgumentOutOfRangeException>(() => new CrmEmulatorRateLimit(1) { RetryAfter = (CrmEmulatorRetryAfter)7 }).ParamName);
    }

    [Fact]
    public void RateLimit_ToString_DescribesTheLimit()
    {
        var limit = new CrmEmulatorRateLimit(20) { Window = TimeSpan.FromMinutes(1), RetryAfter = CrmEmulatorRetryAfter.HttpDate };

        Assert.Equal("20 requests per 00:01:00 per access key, Retry-After: HttpDate", limit.ToString());
    }

    [Fact]
    public void CountsFor_KeyTheEmulatorDoesNotAccept_ThrowsWithoutRepeatingIt()
    {
        using var emulator = new CrmEmulator();

        var error = Assert.Throws<ArgumentException>(() => emulator.RateLimits.CountsFor("ef_unknown_secret"));

        Assert.Equal("accessKey", error.ParamName);
        Assert.DoesNotContain("ef_unknown_secret", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A fake clock <paramref name="millisecondsIntoWindow"/> after <see cref="WindowStart"/>.</summary>
    private static FakeTimeProvider Clock(int millisecondsIntoWindow = 0) => new(WindowStart.AddMilliseconds(millisecondsIntoWindow));

    private static Api Limited(FakeTimeProvider time, CrmEmulatorRateLimit? limit, params string[] additionalKeys)
    {
        var options = new CrmEmulatorOptions { TimeProvider = time, RateLimit = limit, SeedLeadsEntity = true };
        foreach (var key in additionalKeys)
        {
            options.AdditionalAccessKeys.Add(key);
        }

        return new Api(options);
    }

    /// <summary>A wall clock that can be set anywhere, backwards too (FakeTimeProvider refuses to go back).</summary>
    private sealed class SteppingClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Sends <paramref name="count"/> GETs one after another and returns their statuses.</summary>
    private static async Task<HttpStatusCode[]> Statuses(HttpClient http, int count)
    {
        var statuses = new HttpStatusCode[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await http.GetAsync("brands/42/crm/entity-presets");
            statuses[i] = response.StatusCode;
        }

        return statuses;
    }
}
