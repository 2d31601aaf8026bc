using System.Collections.Concurrent;
using System.Diagnostics;
using ElasticFunnels.Crm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ElasticFunnels.Crm.Redis.Tests;

/// <summary>
/// The request budget kept in a real Redis: clients with separate Redis connections (as separate
/// processes would have) share one budget per key, Redis never sees the key, and losing Redis fails no call.
/// </summary>
public sealed class SharedBudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ElasticFunnelsCrmClient Client(CrmEmulator emulator, CrmRateLimitStore store, Action<ElasticFunnelsCrmOptions>? configure = null)
    {
        var options = new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress };
        options.RateLimit.UseStore(store);
        configure?.Invoke(options);
        return new ElasticFunnelsCrmClient(options, emulator.CreateHandler(), disposeHandler: true);
    }

    private static CrmEmulator Emulator(string key) =>
        new(new CrmEmulatorOptions { AccessKey = key, SeedLeadsEntity = true });

    [Fact]
    public async Task Refusal_InOneProcess_PausesTheOtherProcessWithTheSameKey()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = Emulator("ef_shared_pause_key");
        using var connectionA = await redis.ConnectAsync();
        using var connectionB = await redis.ConnectAsync();
        using var processA = Client(emulator, new RedisRateLimitStore(connectionA));
        using var processB = Client(emulator, new RedisRateLimitStore(connectionB));
        emulator.Faults.FailNext(1, 429, TimeSpan.FromSeconds(2));

        var clock = Stopwatch.StartNew();
        var refused = processA.Entities.GetAsync(1, Ct);
        while (emulator.Requests.Count < 1)
        {
            await Task.Delay(5, Ct);
        }

        // Process B starts once A's 429 has reached Redis (a new epoch), however slow the machine is.
        var server = connectionA.GetServer(connectionA.GetEndPoints()[0]);
        while (!server.Keys(pattern: "efcrm:budget:*").Any(key => !key.ToString().EndsWith(":freed", StringComparison.Ordinal) && connectionA.GetDatabase().HashGet(key, "ep") == 1))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), "the 429 never reached Redis");
            await Task.Delay(5, Ct);
        }

        var paused = processB.Entities.GetAsync(1, Ct);
        await Task.Delay(700, Ct);
        var seenDuringPause = emulator.Requests.Count;
        await Task.WhenAll(refused, paused);

        Assert.Equal(1, seenDuringPause);
        Assert.Equal(3, emulator.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"the calls ended after {clock.Elapsed}, before the 2 s pause");
    }

    [Fact]
    public async Task RateEstimate_AfterAnIdleStretch_CountsOnlyTheActiveTime()
    {
        // The script's rule, as the in-process budget's (RequestBudgetAlgorithmTests): one call at start-up,
        // 2.5 s of silence, a burst of 20 accepted, then a 429 with a 0.5 s Retry-After.
        await using var redis = await RedisServer.StartAsync();
        using var connection = await redis.ConnectAsync();
        using var store = new RedisRateLimitStore(connection);
        var policy = new CrmRateLimitPolicy { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30), QueueLimit = 1000 };
        const string budget = "idle-budget";
        await store.ReportAsync(budget, policy, await store.AcquireAsync(budget, policy, TimeSpan.FromMinutes(1), null, Ct), refused: false, retryAfter: null, Ct);
        await Task.Delay(2500, Ct);
        for (var i = 0; i < 20; i++)
        {
            await store.ReportAsync(budget, policy, await store.AcquireAsync(budget, policy, TimeSpan.FromMinutes(1), null, Ct), refused: false, retryAfter: null, Ct);
        }

        await store.ReportAsync(budget, policy, await store.AcquireAsync(budget, policy, TimeSpan.FromMinutes(1), null, Ct), refused: true, retryAfter: TimeSpan.FromSeconds(0.5), Ct);
        var rate = (double)await connection.GetDatabase().HashGetAsync(store.KeyOf(budget), "r");

        // 21 accepted over the burst and the pause (under 1 s): more than 21 a second. Counting the silence
        // as well would give about 21 / 3 s = 7 a second.
        Assert.InRange(rate, 21, 1000);
    }

    [Fact]
    public async Task RateEstimate_AcceptancesAnsweredAfterThe429_CountAndSetTheFirstCeiling()
    {
        // The script's rules, as RequestBudgetAlgorithmTests pins them in process: 20 requests leave together,
        // the 429 of a 21st comes back after only one 200, then the other 19 200s arrive.
        await using var redis = await RedisServer.StartAsync();
        using var connection = await redis.ConnectAsync();
        using var store = new RedisRateLimitStore(connection);
        var policy = new CrmRateLimitPolicy { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(30), QueueLimit = 1000 };
        const string budget = "late-budget";
        var inFlight = new List<CrmRateLimitLease>();
        for (var i = 0; i < 21; i++)
        {
            inFlight.Add(await store.AcquireAsync(budget, policy, TimeSpan.FromMinutes(1), null, Ct));
        }

        await store.ReportAsync(budget, policy, inFlight[0], refused: false, retryAfter: null, Ct);
        await store.ReportAsync(budget, policy, inFlight[20], refused: true, retryAfter: TimeSpan.FromSeconds(1), Ct);
        var state = connection.GetDatabase();
        var key = store.KeyOf(budget);
        var before = (double)await state.HashGetAsync(key, "r");
        foreach (var late in inFlight.Skip(1).Take(19))
        {
            await store.ReportAsync(budget, policy, late, refused: false, retryAfter: null, Ct);
        }

        await store.AcquireAsync(budget, policy, TimeSpan.FromMinutes(1), null, Ct); // a round trip: the reports above were sent without waiting
        var after = (double)await state.HashGetAsync(key, "r");
        var ceiling = (double)await state.HashGetAsync(key, "c");

        // 1, then 20, accepted over the episode and the 1 s pause (a little over 1 s); the ceiling is the 20
        // that got through spread over the pause.
        Assert.InRange(before, 0.5, 1);
        Assert.InRange(after, 15, 20);
        Assert.Equal(20, ceiling, precision: 6);
    }

    [Fact]
    public async Task Fixed_BudgetSplitAcrossProcesses_PacedAsOne()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = Emulator("ef_fixed_shared_key");
        using var connectionA = await redis.ConnectAsync();
        using var connectionB = await redis.ConnectAsync();
        void FivePerSecond(ElasticFunnelsCrmOptions o)
        {
            o.RateLimit.Mode = CrmRateLimitMode.Fixed;
            o.RateLimit.PermitLimit = 5;
        }

        using var processA = Client(emulator, new RedisRateLimitStore(connectionA), FivePerSecond);
        using var processB = Client(emulator, new RedisRateLimitStore(connectionB), FivePerSecond);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? processA : processB).Entities.GetAsync(1, Ct)));

        // Ten requests at five a second leave at 0, 0.2, ..., 1.8 s, whichever process sends them.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.7), $"ten requests took {clock.Elapsed}");
        Assert.Equal(10, emulator.Requests.Count);
    }

    [Fact]
    public async Task Keys_AfterUse_NoneContainsTheAccessKeyAndAllCarryThePrefix()
    {
        const string canary = "ef_live_CANARY_7f3a9b";
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = Emulator(canary);
        using var connection = await redis.ConnectAsync();
        using var crm = Client(emulator, new RedisRateLimitStore(connection, new RedisRateLimitStoreOptions { KeyPrefix = "app1:budget:" }));
        emulator.Faults.FailNext(1, 429, TimeSpan.FromMilliseconds(200));

        await crm.Entities.GetAsync(1, Ct);
        await crm.Entities.GetAsync(1, Ct);

        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var keys = server.Keys(pattern: "*").Select(k => k.ToString()).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.StartsWith("app1:budget:", k, StringComparison.Ordinal));
        Assert.All(keys, k => Assert.DoesNotContain("CANARY", k, StringComparison.OrdinalIgnoreCase));
        foreach (var key in keys.Where(k => connection.GetDatabase().KeyType(k) == RedisType.Hash))
        {
            var fields = connection.GetDatabase().HashGetAll(key);
            Assert.All(fields, f => Assert.DoesNotContain("CANARY", f.Value.ToString(), StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task RedisStoppedMidRun_ProcessBudgetTakesOverAndNoCallFails()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = Emulator("ef_redis_down_key");
        var logs = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new ListLoggerProvider(logs)).SetMinimumLevel(LogLevel.Warning));
        services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = emulator.AccessKey;
            o.BrandId = emulator.BrandId;
            o.BaseAddress = emulator.BaseAddress;
        }).ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler);
        services.AddElasticFunnelsCrmRedisRateLimiting(redis.Configuration);
        await using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<IElasticFunnelsCrmClient>();

        var succeeded = 0;
        for (var i = 0; i < 40; i++)
        {
            if (i == 15)
            {
                await redis.KillAsync();
            }

            await crm.Entities.GetAsync(1, Ct);
            succeeded++;
        }

        Assert.Equal(40, succeeded);
        Assert.Equal(40, emulator.Requests.Count);
        Assert.Contains(logs, l => l.Contains("rate-limit store RedisRateLimitStore failed", StringComparison.Ordinal) && l.Contains("this process's budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedisUnreachableFromTheStart_CallsUseTheProcessBudget()
    {
        await using var emulator = Emulator("ef_redis_never_key");
        using var store = RedisRateLimitStore.Connect("127.0.0.1:1");
        using var crm = Client(emulator, store);

        var entities = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => crm.Entities.GetAsync(1, Ct)));

        Assert.All(entities, e => Assert.Equal("Leads", e.Name));
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(logs);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue(formatter(state, exception));
        }
    }
}
