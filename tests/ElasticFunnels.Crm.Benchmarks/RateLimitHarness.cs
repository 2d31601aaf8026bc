using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Redis;
using ElasticFunnels.Crm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// Bulk creates against an emulator process that enforces a fixed-window rate limit per key, the way
/// the vendor's Laravel front end does: one process with each rate-limit mode, then several processes
/// sharing one key with and without the Redis store. Reports failed items, duplicates, the share of
/// 429 answers and the elapsed time against the ideal (creates / limit).
/// </summary>
/// <remarks>
/// Creates use one access key and the duplicate count (one listing at the end) another, so the
/// emulator's per-key counters give the creates' 429 share alone. Every create has a unique title.
/// </remarks>
public static class RateLimitHarness
{
    private const string CreateKey = "ef_test_key";
    private const string ListKey = "ef_list_key";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var rate = ArgOr(args, "--rate", 50);
        var creates = ArgOr(args, "--creates", 1000);
        var inFlight = ArgOr(args, "--in-flight", 16);
        var processes = ArgOr(args, "--processes", 4);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        var ideal = TimeSpan.FromSeconds((double)creates / rate);
        Console.WriteLine($"# emulator: {rate} requests/s per key, fixed 1 s windows; {creates} creates through CreateManyAsync, {inFlight} in flight; ideal {ideal.TotalSeconds:0.#} s");
        Console.WriteLine("| Run | Failed | Duplicates | Requests | 429s | 429 share | Elapsed s | × ideal |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");

        var scenarios = new (string Name, CrmEmulatorRetryAfter RetryAfter, Action<CrmRateLimitOptions> Limit)[]
        {
            ("one process, adaptive (default), Retry-After seconds", CrmEmulatorRetryAfter.Seconds, _ => { }),
            ("one process, adaptive (default), no Retry-After", CrmEmulatorRetryAfter.None, _ => { }),
            ("one process, fixed at the true limit, Retry-After seconds", CrmEmulatorRetryAfter.Seconds, o => { o.Mode = CrmRateLimitMode.Fixed; o.PermitLimit = rate; o.Window = TimeSpan.FromSeconds(1); }),
            ("one process, limiter off, Retry-After seconds", CrmEmulatorRetryAfter.Seconds, o => o.Mode = CrmRateLimitMode.Off),
            ("one process, limiter off, no Retry-After", CrmEmulatorRetryAfter.None, o => o.Mode = CrmRateLimitMode.Off),
        };
        foreach (var (name, retryAfter, limit) in scenarios)
        {
            if (only is null or "one")
            {
                await using var server = await StartEmulatorAsync(rate, retryAfter);
                var outcome = await CreateAsync(server.BaseAddress, server.BrandId, "p0", creates, inFlight, limit, redis: null);
                Report(name, outcome.Failed, outcome.Elapsed, await FinishAsync(server, creates), ideal);
            }
        }

        if (only is null or "many")
        {
            var each = creates / processes;
            var external = args.SkipWhile(a => a != "--redis").Skip(1).FirstOrDefault();
            await using var started = external is null ? await RedisProcess.StartAsync() : null;
            var redisConfiguration = external ?? started!.Configuration;
            foreach (var useRedis in new[] { true, false })
            {
                await using var server = await StartEmulatorAsync(rate, CrmEmulatorRetryAfter.Seconds);
                var workers = await Task.WhenAll(Enumerable.Range(1, processes).Select(p => RunWorkerAsync(server, $"p{p}", each, inFlight, useRedis ? redisConfiguration : null)));

                // From the first create of any process to the last: starting a process is not the limiter's time.
                var elapsed = workers.Max(w => w.Ended) - workers.Min(w => w.Started);
                var name = $"{processes} processes × {each}, one key, adaptive, " + (useRedis ? "Redis store" : "no Redis (a budget per process)");
                Report(name, workers.Sum(w => w.Failed), elapsed, await FinishAsync(server, each * processes), ideal);
            }
        }

        return 0;
    }

    /// <summary>The child process of the multi-process runs: prints the number of failed items on its last line.</summary>
    public static async Task<int> RunWorkerAsync(IReadOnlyList<string> args)
    {
        var outcome = await CreateAsync(
            new Uri(args[0]), long.Parse(args[1], CultureInfo.InvariantCulture), args[2], int.Parse(args[3], CultureInfo.InvariantCulture),
            int.Parse(args[4], CultureInfo.InvariantCulture), _ => { }, args.Count > 5 ? args[5] : null);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# worker {args[2]}: {outcome.Elapsed.TotalSeconds:0.0} s from its first create to its last"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{outcome.Failed} {outcome.Started.ToUnixTimeMilliseconds()} {outcome.Ended.ToUnixTimeMilliseconds()}"));
        return 0;
    }

    private static async Task<(int Failed, TimeSpan Elapsed, DateTimeOffset Started, DateTimeOffset Ended)> CreateAsync(Uri api, long brandId, string tag, int count, int inFlight, Action<CrmRateLimitOptions> limit, string? redis)
    {
        // As an app would: the client from dependency injection, Redis with its one line, warnings logged.
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new StderrWarnings(tag)));
        services.AddElasticFunnelsCrm(options =>
        {
            options.AccessKey = CreateKey;
            options.BrandId = brandId;
            options.BaseAddress = api;
            limit(options.RateLimit);
        });
        if (redis is not null)
        {
            services.AddElasticFunnelsCrmRedisRateLimiting(redis);
        }

        await using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<IElasticFunnelsCrmClient>();
        var items = Enumerable.Range(0, count).Select(i => new EntryCreateRequest { Title = $"{tag}-{i}", PipelineId = 1, StageId = 1 });
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var result = await crm.Entries.CreateManyAsync(1, items, new BulkOptions { MaxConcurrency = inFlight });
        return (result.Failed + result.NotAttempted, clock.Elapsed, started, started + clock.Elapsed);
    }

    private static async Task<(int Failed, DateTimeOffset Started, DateTimeOffset Ended)> RunWorkerAsync(EmulatorProcess server, string tag, int count, int inFlight, string? redis)
    {
        string[] arguments = ["rate-limits-worker", server.BaseAddress.ToString(), server.BrandId.ToString(CultureInfo.InvariantCulture), tag, count.ToString(CultureInfo.InvariantCulture), inFlight.ToString(CultureInfo.InvariantCulture), .. redis is null ? Array.Empty<string>() : [redis]];
        var start = BenchmarksApp.StartInfo(arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start a worker.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()?.Split(' ');
        return process.ExitCode == 0 && last is [var failed, var started, var ended]
            ? (int.Parse(failed, CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(started, CultureInfo.InvariantCulture)), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ended, CultureInfo.InvariantCulture)))
            : throw new InvalidOperationException($"Worker {tag} exited with {process.ExitCode}: {output}");
    }

    private static Task<EmulatorProcess> StartEmulatorAsync(int rate, CrmEmulatorRetryAfter retryAfter) =>
        EmulatorProcess.StartAsync(new EmulatorSettings { Seed = true, Keys = [CreateKey, ListKey], RateLimit = rate, Window = TimeSpan.FromSeconds(1), RetryAfter = retryAfter });

    /// <summary>Counts stored entries (with the listing key, whose requests the creates' counters don't see), then stops the emulator.</summary>
    private static async Task<(int Stored, int Duplicates, CrmEmulatorRequestCounts Creates)> FinishAsync(EmulatorProcess server, int expected)
    {
        using var lister = new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions { AccessKey = ListKey, BrandId = server.BrandId, BaseAddress = server.BaseAddress });
        var titles = new List<string>();
        await foreach (var entry in lister.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 100 }))
        {
            titles.Add(entry.Title ?? "");
        }

        var report = await server.StopAsync();
        var stored = titles.Count;
        return (stored, stored - titles.Distinct(StringComparer.Ordinal).Count(), report.PerKey[0]);
    }

    private static void Report(string name, int failed, TimeSpan elapsed, (int Stored, int Duplicates, CrmEmulatorRequestCounts Creates) finish, TimeSpan ideal)
    {
        var requests = finish.Creates.Accepted + finish.Creates.Rejected;
        var share = requests == 0 ? 0 : (double)finish.Creates.Rejected / requests;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {failed} | {finish.Duplicates} | {requests} | {finish.Creates.Rejected} | {share:P1} | {elapsed.TotalSeconds:0.0} | {elapsed / ideal:0.00} |"));
    }

    private static int ArgOr(IReadOnlyList<string> args, string name, int fallback)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>A throwaway redis-server from PATH on a free loopback port, with persistence off.</summary>
    private sealed class RedisProcess : IAsyncDisposable
    {
        private readonly Process process;

        private RedisProcess(Process process, int port)
        {
            this.process = process;
            Configuration = $"127.0.0.1:{port}";
        }

        public string Configuration { get; }

        public static async Task<RedisProcess> StartAsync()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server).");
            for (var attempt = 0; attempt < 100; attempt++)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    return new RedisProcess(process, port);
                }
                catch (SocketException)
                {
                    await Task.Delay(50);
                }
            }

            process.Kill();
            throw new InvalidOperationException("redis-server did not listen within 5 s.");
        }

        public async ValueTask DisposeAsync()
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    /// <summary>Writes the SDK's warnings (a Redis fallback, for one) to stderr, prefixed with the worker's tag.</summary>
    private sealed class StderrWarnings(string tag) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.Error.WriteLine($"# {tag} {logLevel}: {formatter(state, exception)}");
            }
        }

        public void Dispose()
        {
        }
    }
}
