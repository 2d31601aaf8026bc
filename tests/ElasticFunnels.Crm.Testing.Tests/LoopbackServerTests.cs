using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class LoopbackServerTests
{
    [Fact]
    public async Task StartServerAsync_ServesTheSameApiOverHttp()
    {
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true });
        var baseAddress = await emulator.StartServerAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add("EF-Access-Key", emulator.AccessKey);

        var created = await http.PostAsync("brands/42/crm/entities/1/entries", JsonContent.Create(new { title = "Jane", pipeline_id = 1, stage_id = 1 }), TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var id = body["id"]!.GetValue<string>();
        var fetched = await http.GetAsync($"brands/42/crm/entries/{id}", TestContext.Current.CancellationToken);
        var deleted = await http.DeleteAsync($"brands/42/crm/entries/{id}", TestContext.Current.CancellationToken);

        Assert.Equal("127.0.0.1", baseAddress.Host);
        Assert.Equal("/api/", baseAddress.AbsolutePath);
        Assert.Equal(baseAddress, emulator.ServerAddress);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/json", created.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, emulator.EntryCount(1));
        Assert.Equal($"/api/brands/42/crm/entries/{id}", emulator.Requests[1].Path);
    }

    [Fact]
    public async Task StartServerAsync_AuthAndFaults_BehaveAsInMemory()
    {
        await using var emulator = new CrmEmulator();
        var baseAddress = await emulator.StartServerAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = baseAddress };

        var missingKey = await http.GetAsync("brands/42/crm/entities", TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Add("EF-Access-Key", emulator.AccessKey);
        emulator.Faults.FailNext(1, 429, TimeSpan.FromSeconds(3));
        var limited = await http.GetAsync("brands/42/crm/entities", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, missingKey.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", await missingKey.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("***", emulator.Requests[0].Headers.GetValueOrDefault("EF-Access-Key", "***"));
        Assert.Equal("***", emulator.Requests[1].Headers["EF-Access-Key"]);
    }

    [Fact]
    public async Task StartServerAsync_RateLimit_IsSharedByEveryConnectionWithOneKeyAndSeparatePerKey()
    {
        // Fake time holds the window still, so the outcome does not depend on when the test runs.
        var options = new CrmEmulatorOptions
        {
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, 250, TimeSpan.Zero)),
            RateLimit = new CrmEmulatorRateLimit(2),
            AdditionalAccessKeys = { "ef_second_key" },
        };
        await using var emulator = new CrmEmulator(options);
        var baseAddress = await emulator.StartServerAsync(TestContext.Current.CancellationToken);
        using var firstConnection = Client(baseAddress, emulator.AccessKey);
        using var secondConnection = Client(baseAddress, emulator.AccessKey);
        using var otherKey = Client(baseAddress, "ef_second_key");

        var first = await firstConnection.GetAsync("brands/42/crm/entities", TestContext.Current.CancellationToken);
        var second = await secondConnection.GetAsync("brands/42/crm/entities", TestContext.Current.CancellationToken);
        var refused = await firstConnection.GetAsync("brands/42/crm/entities", TestContext.Current.CancellationToken);
        var fromOtherKey = await otherKey.GetAsync("brands/42/crm/entities", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("""{"message":"Too many requests. Please slow down."}""", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, fromOtherKey.StatusCode);
        Assert.Equal([new CrmEmulatorRequestCounts(2, 1), new CrmEmulatorRequestCounts(1, 0)], emulator.RateLimits.PerKey);
    }

    [Fact]
    public async Task StartServerAsync_ConfiguredPort_ListensOnIt()
    {
        var port = FreePort();
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { ServerPort = port });

        var baseAddress = await emulator.StartServerAsync(TestContext.Current.CancellationToken);
        using var http = Client(new Uri($"http://127.0.0.1:{port}/api/"), emulator.AccessKey);
        var presets = await http.GetAsync("brands/42/crm/entity-presets", TestContext.Current.CancellationToken);

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/api/"), baseAddress);
        Assert.Equal(HttpStatusCode.OK, presets.StatusCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Constructor_PortOutOfRange_Throws(int port)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CrmEmulator(new CrmEmulatorOptions { ServerPort = port }));

        Assert.Contains("ServerPort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartServerAsync_CalledTwice_ReturnsSameAddress()
    {
        await using var emulator = new CrmEmulator();

        var first = await emulator.StartServerAsync(TestContext.Current.CancellationToken);
        var second = await emulator.StartServerAsync(TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task DisposeAsync_StopsTheServer()
    {
        var emulator = new CrmEmulator();
        var baseAddress = await emulator.StartServerAsync(TestContext.Current.CancellationToken);

        await emulator.DisposeAsync();
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("brands/42/crm/entities", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => emulator.StartServerAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StartServerAsync_ReachableFromAnotherProcess()
    {
        var curl = FindOnPath("curl");
        Assert.SkipWhen(curl is null, "curl is not installed");
        await using var emulator = new CrmEmulator();
        var baseAddress = await emulator.StartServerAsync(TestContext.Current.CancellationToken);

        var start = new ProcessStartInfo(curl!, ["-s", "-H", $"EF-Access-Key: {emulator.AccessKey}", new Uri(baseAddress, "brands/42/crm/entity-presets").ToString()])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(3, JsonNode.Parse(output)!["presets"]!.AsArray().Count);
    }

    private static HttpClient Client(Uri baseAddress, string accessKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add("EF-Access-Key", accessKey);
        return http;
    }

    /// <summary>A port the OS just handed out and released; another process could take it first, but on loopback that is rare.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
