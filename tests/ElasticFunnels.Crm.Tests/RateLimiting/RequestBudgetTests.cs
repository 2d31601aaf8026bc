using System.Diagnostics.Metrics;
using ElasticFunnels.Crm.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace ElasticFunnels.Crm.Tests.RateLimiting;

/// <summary>The request budget seen from calls: shared per origin and key, a 429 queues rather than retries, waits are bounded and cancellable.</summary>
public sealed class RequestBudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EntryCreateRequest Lead(string title) => new() { Title = title, PipelineId = 1, StageId = 1 };

    [Fact]
    public async Task Refusal_WithRetryAfter_PausesEveryClientOfTheKeyOnceButNotOtherKeys()
    {
        await using var harness = new BudgetHarness();
        var first = harness.Client();
        var sameKey = harness.Client();
        var otherKey = harness.Client(key: BudgetHarness.OtherKey);
        harness.Emulator.Faults.FailNext(1, 429, TimeSpan.FromSeconds(5));
        var entriesBefore = harness.Emulator.EntryCount(1);

        var refused = first.Entries.CreateAsync(1, Lead("a"), Ct);
        await harness.UntilServerSawAsync(1);
        await BudgetHarness.SettleAsync();
        var waiting = sameKey.Entities.GetAsync(1, Ct);
        var other = await otherKey.Entities.GetAsync(1, Ct);

        Assert.Equal("Leads", other.Name);
        await BudgetHarness.SettleAsync();
        Assert.False(refused.IsCompleted);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(2, harness.ServerRequests); // the 429 and the other key's call: nothing of the paused key

        await harness.AdvanceAsync(TimeSpan.FromSeconds(5));
        var created = await refused;
        await waiting;

        Assert.Equal("a", created.Title);
        Assert.Equal(4, harness.ServerRequests);
        Assert.Equal(2, harness.Emulator.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(entriesBefore + 1, harness.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task Refusal_WithoutRetryAfter_EveryCallerWaitsOutOneBackoff()
    {
        await using var harness = new BudgetHarness();
        var crm = harness.Client(o => o.RateLimit.InitialBackoff = TimeSpan.FromSeconds(2));
        harness.Emulator.Faults.FailNext(1, 429);

        var refused = crm.Entities.GetAsync(1, Ct);
        await harness.UntilServerSawAsync(1);
        await BudgetHarness.SettleAsync();
        var queued = Enumerable.Range(0, 5).Select(_ => crm.Entities.GetAsync(1, Ct)).ToList();
        await BudgetHarness.SettleAsync();

        Assert.Equal(1, harness.ServerRequests);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(1, harness.ServerRequests);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        await refused;
        await Task.WhenAll(queued);

        // One refusal, then each of the six calls once: nobody retried on their own.
        Assert.Equal(7, harness.ServerRequests);
        Assert.Equal(0, harness.Emulator.Faults.PendingFailures);
    }

    [Fact]
    public async Task Refusals_DoNotUseRetryAttempts_TheCallSucceedsWithRetriesOff()
    {
        await using var harness = new BudgetHarness();
        var crm = harness.Client(o => o.Retry.MaxRetryAttempts = 0);
        harness.Emulator.Faults.FailNext(3, 429, TimeSpan.FromSeconds(1));
        var entriesBefore = harness.Emulator.EntryCount(1);

        var call = crm.Entries.CreateWithResponseAsync(1, Lead("queued"), cancellationToken: Ct);
        for (var i = 1; i <= 3; i++)
        {
            await harness.UntilServerSawAsync(i);
            await BudgetHarness.SettleAsync();
            await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        var response = await call;
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(4, response.Attempts);
        Assert.Equal(entriesBefore + 1, harness.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task Refusals_PauseOutlastingTheCallsTimeout_RateLimitExceptionSayingSo()
    {
        await using var harness = new BudgetHarness();
        var crm = harness.Client(o => o.Timeout = TimeSpan.FromSeconds(10));
        harness.Emulator.Faults.FailNext(10, 429, TimeSpan.FromSeconds(4));

        var call = crm.Entities.GetAsync(1, Ct);
        for (var i = 1; i <= 2; i++)
        {
            // Refused at 0 s and at 4 s; each time 4 s of the 10 still fit.
            await harness.UntilServerSawAsync(i);
            await BudgetHarness.SettleAsync();
            await harness.AdvanceAsync(TimeSpan.FromSeconds(4));
        }

        // Refused at 8 s: another 4 s would end after 10 s, so the call stops at once.
        var ex = await Assert.ThrowsAsync<CrmRateLimitException>(() => call);
        Assert.Equal(3, harness.ServerRequests);
        Assert.Equal(TimeSpan.FromSeconds(4), ex.RetryAfter);
        Assert.Equal(3, ex.RawResponse!.Attempts);
        Assert.EndsWith("The access key's shared rate-limit pause (4 s) would outlast what is left of the call's timeout (ElasticFunnelsCrmOptions.Timeout), so the SDK did not wait for it.", ex.Message);
    }

    [Fact]
    public async Task Queue_WaitLongerThanTheCallsTimeout_FailsAtOnceWithoutSending()
    {
        await using var harness = new BudgetHarness();
        var crm = harness.Client(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(5);
            o.RateLimit.Mode = CrmRateLimitMode.Fixed;
            o.RateLimit.PermitLimit = 1;
            o.RateLimit.Window = TimeSpan.FromSeconds(10);
        });

        await crm.Entities.GetAsync(1, Ct);
        var ex = await Assert.ThrowsAsync<CrmRateLimitException>(() => crm.Entities.GetAsync(1, Ct));

        Assert.Equal(1, harness.ServerRequests);
        Assert.Equal("The call to the ElasticFunnels CRM API (Entities.Get) was not sent: its place in the access key's request budget is 10 s away, longer than what is left of the call's timeout (ElasticFunnelsCrmOptions.Timeout). Try again later, or give the call a longer timeout.", ex.Message);
        Assert.Equal(TimeSpan.FromSeconds(10), ex.RetryAfter);
        Assert.Equal((System.Net.HttpStatusCode)0, ex.StatusCode);
    }

    [Fact]
    public async Task Queue_Full_FurtherCallsFailAtOnce()
    {
        await using var harness = new BudgetHarness();
        var crm = harness.Client(o =>
        {
            o.RateLimit.Mode = CrmRateLimitMode.Fixed;
            o.RateLimit.PermitLimit = 1;
            o.RateLimit.QueueLimit = 2;
        });

        await crm.Entities.GetAsync(1, Ct);
        var queued = new[] { crm.Entities.GetAsync(1, Ct), crm.Entities.GetAsync(1, Ct) };
        var ex = await Assert.ThrowsAsync<CrmRateLimitException>(() => crm.Entities.GetAsync(1, Ct));

        Assert.Contains("the access key's request queue is full (ElasticFunnelsCrmOptions.RateLimit.QueueLimit)", ex.Message, StringComparison.Ordinal);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(2));
        await Task.WhenAll(queued);
        Assert.Equal(3, harness.ServerRequests);
    }

    [Fact]
    public async Task Cancel_QueuedCall_FreesItsPlaceForTheNext()
    {
        await using var harness = new BudgetHarness();
        var crm = harness.Client(o =>
        {
            o.RateLimit.Mode = CrmRateLimitMode.Fixed;
            o.RateLimit.PermitLimit = 1;
        });
        await crm.Entities.GetAsync(1, Ct);
        using var cancel = new CancellationTokenSource();

        var cancelled = crm.Entities.GetAsync(1, cancel.Token);    // place at +1 s
        var later = crm.Entities.GetAsync(1, Ct);                  // place at +2 s
        await BudgetHarness.SettleAsync();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var next = crm.Entities.GetAsync(1, Ct);                   // takes the freed place at +1 s
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        await next;
        Assert.False(later.IsCompleted);
        Assert.Equal(2, harness.ServerRequests);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        await later;
        Assert.Equal(3, harness.ServerRequests);
    }

    [Fact]
    public async Task Fixed_PermitLimitPerWindow_RequestsSpacedEvenly()
    {
        await using var harness = new BudgetHarness();
        var crm = harness.Client(o =>
        {
            o.RateLimit.Mode = CrmRateLimitMode.Fixed;
            o.RateLimit.PermitLimit = 4;
        });

        var calls = Enumerable.Range(0, 6).Select(_ => crm.Entities.GetAsync(1, Ct)).ToList();
        await harness.UntilServerSawAsync(1);
        await BudgetHarness.SettleAsync();
        var seen = new List<int> { harness.ServerRequests };
        for (var i = 0; i < 5; i++)
        {
            harness.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await BudgetHarness.SettleAsync();
            seen.Add(harness.ServerRequests);
        }

        await Task.WhenAll(calls);
        Assert.Equal([1, 2, 3, 4, 5, 6], seen);
    }

    [Fact]
    public async Task DependencyInjection_PlainKeyedAndConstructedClientsWithOneKey_ShareOneBudget()
    {
        await using var harness = new BudgetHarness();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(harness.Clock);
        void Configure(ElasticFunnelsCrmOptions o)
        {
            o.AccessKey = harness.Emulator.AccessKey;
            o.BrandId = harness.Emulator.BrandId;
            o.BaseAddress = harness.Emulator.BaseAddress;
        }

        services.AddElasticFunnelsCrm(Configure).ConfigurePrimaryHttpMessageHandler(harness.Emulator.CreateHandler);
        services.AddKeyedElasticFunnelsCrm("brand", Configure).ConfigurePrimaryHttpMessageHandler(harness.Emulator.CreateHandler);
        await using var provider = services.BuildServiceProvider();
        var plain = provider.GetRequiredService<IElasticFunnelsCrmClient>();
        var keyed = provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand");
        var constructed = harness.Client();
        harness.Emulator.Faults.FailNext(1, 429, TimeSpan.FromSeconds(3));

        var refused = plain.Entities.GetAsync(1, Ct);
        await harness.UntilServerSawAsync(1);
        await BudgetHarness.SettleAsync();
        var viaKeyed = keyed.Entities.GetAsync(1, Ct);
        var viaConstructor = constructed.Entities.GetAsync(1, Ct);
        await BudgetHarness.SettleAsync();

        Assert.Equal(1, harness.ServerRequests);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(3));
        await Task.WhenAll(refused, viaKeyed, viaConstructor);
        Assert.Equal(4, harness.ServerRequests);
    }

    [Fact]
    public async Task Telemetry_WaitDelayedAndRefusals_Recorded()
    {
        await using var harness = new BudgetHarness();
        var crm = harness.Client();
        var measured = new List<(string Name, double Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ElasticFunnelsCrmTelemetry.MeterName && instrument.Name.Contains("rate_limit", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => { lock (measured) { measured.Add((instrument.Name, value)); } });
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => { lock (measured) { measured.Add((instrument.Name, value)); } });
        listener.Start();
        harness.Emulator.Faults.FailNext(1, 429, TimeSpan.FromSeconds(2));

        var call = crm.Entities.GetAsync(1, Ct);
        await harness.UntilServerSawAsync(1);
        await BudgetHarness.SettleAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(2));
        await call;

        List<(string Name, double Value)> seen;
        lock (measured)
        {
            seen = [.. measured];
        }

        Assert.Contains(seen, m => m.Name == ElasticFunnelsCrmTelemetry.RateLimitRefusalsMetric && m.Value == 1);
        Assert.Contains(seen, m => m.Name == ElasticFunnelsCrmTelemetry.RateLimitDelayedMetric && m.Value == 1);
        Assert.Contains(seen, m => m.Name == ElasticFunnelsCrmTelemetry.RateLimitWaitMetric && m.Value == 2);
    }

    [Fact]
    public void BudgetId_SameOriginAndKey_SameIdThatNeverContainsTheKey()
    {
        const string key = "ef_live_secret_key_123";
        var id = BudgetId.For(new Uri("https://app.elasticfunnels.io/api/"), key);

        Assert.Equal(id, BudgetId.For(new Uri("https://APP.elasticfunnels.io/other/"), key));
        Assert.NotEqual(id, BudgetId.For(new Uri("https://app.elasticfunnels.io/api/"), key + "x"));
        Assert.NotEqual(id, BudgetId.For(new Uri("https://eu.elasticfunnels.io/api/"), key));
        Assert.DoesNotContain("secret", id, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", id);
    }
}
