using System.Diagnostics;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Tests.RateLimiting;

/// <summary>
/// An emulator (two keys) and SDK clients on one fake clock: budget waits end only when a test moves the
/// clock, so what a call waits for is decided by the test, not by the machine's speed.
/// </summary>
public sealed class BudgetHarness : IAsyncDisposable
{
    public const string OtherKey = "ef_test_key_two";

    private readonly List<IDisposable> _clients = [];

    public BudgetHarness()
    {
        Emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true, AdditionalAccessKeys = { OtherKey } });
    }

    public CrmEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    public ElasticFunnelsCrmClient Client(Action<ElasticFunnelsCrmOptions>? configure = null, string? key = null)
    {
        var options = new ElasticFunnelsCrmOptions
        {
            AccessKey = key ?? Emulator.AccessKey,
            BrandId = Emulator.BrandId,
            BaseAddress = Emulator.BaseAddress,
            Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1), UseJitter = false },
        };
        configure?.Invoke(options);
        var client = new ElasticFunnelsCrmClient(CrmClientRuntime.Create(options, Clock), Emulator.CreateHandler(), disposeHandler: true);
        _clients.Add(client);
        return client;
    }

    /// <summary>How many requests reached the emulator's routes (429s it answered from a fault included).</summary>
    public int ServerRequests => Emulator.Requests.Count;

    /// <summary>Waits (real time, generously) until the emulator has seen <paramref name="count"/> requests.</summary>
    public async Task UntilServerSawAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (ServerRequests < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"The emulator saw {ServerRequests} requests, expected {count}.");
            await Task.Delay(5);
        }
    }

    /// <summary>Gives running calls a moment (real time) to reach their next wait, so that none is missed by a clock move.</summary>
    public static Task SettleAsync() => Task.Delay(150);

    /// <summary>Moves the fake clock in small steps, letting the calls that wake up run between steps.</summary>
    public async Task AdvanceAsync(TimeSpan by, int steps = 10)
    {
        for (var i = 0; i < steps; i++)
        {
            Clock.Advance(by / steps);
            await Task.Delay(20);
        }

        await SettleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Emulator.DisposeAsync();
    }
}
