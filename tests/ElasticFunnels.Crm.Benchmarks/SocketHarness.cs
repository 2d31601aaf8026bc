using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// The SDK's default client against the best hand-written call, over real sockets, with the emulator in
/// a separate process so that this process's CPU is the client's alone. BenchmarkDotNet cannot
/// interleave rounds or report process CPU, hence a harness.
/// </summary>
/// <remarks>
/// The hand-written call: an <see cref="HttpClient"/> on a <see cref="SocketsHttpHandler"/> with no
/// redirects and no cookies, the body serialized to bytes with a source-generated context and sent as
/// <see cref="ByteArrayContent"/> (with Content-Length), the response parsed into the SDK's own
/// <see cref="Entry"/> with its public source-generated context.
/// Sequential creates and GETs (interleaved rounds, median wall time and client CPU per call), then
/// 64 calls in flight (throughput).
/// </remarks>
public static class SocketHarness
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var rounds = ArgOr(args, "--rounds", 4);
        var calls = ArgOr(args, "--calls", 1000);
        var concurrentCalls = ArgOr(args, "--concurrent-calls", 4000);

        await using var server = await EmulatorProcess.StartAsync(new EmulatorSettings { Seed = true });
        var api = server.BaseAddress;
        using var sdk = new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions { AccessKey = "ef_test_key", BrandId = server.BrandId, BaseAddress = api });
        using var hand = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = api };
        var createPath = $"brands/{server.BrandId}/crm/entities/1/entries";
        var seeded = await sdk.Entries.CreateAsync(1, new EntryCreateRequest { Title = "Seed", PipelineId = 1, StageId = 1 });
        var getPath = $"brands/{server.BrandId}/crm/entries/{Uri.EscapeDataString(seeded.Id)}";

        async Task<Entry> HandCreate()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, createPath)
            {
                Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new HandCreateBody("Jane Doe", 1, 1), HandJsonContext.Default.HandCreateBody)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("EF-Access-Key", "ef_test_key");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await hand.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), CrmModelJsonContext.Default.Entry)!;
        }

        async Task<Entry> HandGet()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, getPath);
            request.Headers.Add("EF-Access-Key", "ef_test_key");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await hand.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), CrmModelJsonContext.Default.Entry)!;
        }

        Task<Entry> SdkCreate() => sdk.Entries.CreateAsync(1, new EntryCreateRequest { Title = "Jane Doe", PipelineId = 1, StageId = 1 });
        Task<Entry> SdkGet() => sdk.Entries.GetAsync(seeded.Id);

        var cases = new (string Name, Func<Task<Entry>> Call)[]
        {
            ("create, hand-written", HandCreate), ("create, SDK", SdkCreate),
            ("get, hand-written", HandGet), ("get, SDK", SdkGet),
        };

        Console.WriteLine($"# emulator pid {server.ProcessId} at {api}; {rounds} interleaved rounds of {calls} sequential calls each; client CPU is this process's");
        foreach (var (_, call) in cases)
        {
            await Sequential(call, calls);
        }

        var results = cases.ToDictionary(c => c.Name, _ => new List<(double Wall, double Cpu)>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, call) in round % 2 == 0 ? cases : cases.Reverse())
            {
                results[name].Add(await Sequential(call, calls));
            }
        }

        Console.WriteLine("| Case | Median wall µs/call | Median client CPU µs/call | Rounds (wall) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, values) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(values.Select(v => v.Wall)):0} | {Median(values.Select(v => v.Cpu)):0} | {string.Join(" ", values.Select(v => v.Wall.ToString("0", CultureInfo.InvariantCulture)))} |"));
        }

        foreach (var kind in new[] { "create", "get" })
        {
            var sdkWall = Median(results[$"{kind}, SDK"].Select(v => v.Wall));
            var handWall = Median(results[$"{kind}, hand-written"].Select(v => v.Wall));
            var sdkCpu = Median(results[$"{kind}, SDK"].Select(v => v.Cpu));
            var handCpu = Median(results[$"{kind}, hand-written"].Select(v => v.Cpu));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: SDK / hand-written = {sdkWall / handWall:0.00}x wall, {sdkCpu / handCpu:0.00}x CPU (target <= 1.15x)"));
        }

        var throughput = new Dictionary<string, List<double>>();
        foreach (var name in new[] { "get, hand-written", "get, SDK" })
        {
            throughput[name] = [];
        }

        for (var round = 0; round < rounds; round++)
        {
            throughput["get, hand-written"].Add(await Concurrent(HandGet, concurrentCalls, 64));
            throughput["get, SDK"].Add(await Concurrent(SdkGet, concurrentCalls, 64));
        }

        var handRate = Median(throughput["get, hand-written"]);
        var sdkRate = Median(throughput["get, SDK"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"64 in flight, {concurrentCalls} GETs: hand-written {handRate:0} calls/s, SDK {sdkRate:0} calls/s = {sdkRate / handRate:0.00}x (target >= 0.9x)"));
        var report = await server.StopAsync();
        Console.WriteLine($"# emulator: {report.Total.Accepted} requests accepted, {report.Total.Rejected} refused");
        return 0;
    }

    private static async Task<(double Wall, double Cpu)> Sequential(Func<Task<Entry>> call, int count)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await call();
        }

        clock.Stop();
        process.Refresh();
        return (clock.Elapsed.TotalMicroseconds / count, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / count);
    }

    private static async Task<double> Concurrent(Func<Task<Entry>> call, int count, int inFlight)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                await call();
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int ArgOr(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        return fallback;
    }
}

/// <summary>The hand-written create body.</summary>
public sealed record HandCreateBody(string Title, long PipelineId, long StageId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HandCreateBody))]
public sealed partial class HandJsonContext : JsonSerializerContext;
