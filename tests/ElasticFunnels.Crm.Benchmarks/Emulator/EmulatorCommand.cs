using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// <c>emulator</c>: runs the CRM emulator on loopback as a process of its own, for socket benchmarks and
/// harnesses where several client processes share one emulator (and one rate-limit budget per key).
/// </summary>
/// <remarks>
/// Stdout carries exactly two JSON lines, the address when listening and the counts when stopped, so a
/// parent can read them (see <see cref="EmulatorProcess"/>); anything else goes to stderr. Keys are
/// never printed: counts per key are listed in <c>--keys</c> order.
/// </remarks>
public static class EmulatorCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        EmulatorSettings settings;
        try
        {
            settings = EmulatorSettings.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"emulator: {e.Message}\n\n{EmulatorSettings.Usage}");
            return 2;
        }

        if (settings.Help)
        {
            await Console.Out.WriteLineAsync(EmulatorSettings.Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        var emulator = new CrmEmulator(settings.ToOptions());
        try
        {
            Uri address;
            try
            {
                address = await emulator.StartServerAsync(stop.Token);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"emulator: cannot listen on 127.0.0.1:{settings.Port}: {e.Message}");
                return 1;
            }

            await WriteLineAsync(Listening(settings, address));
            if (!settings.IgnoreStdin)
            {
                WatchStdin(stop);
            }

            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            // Stopped before counting, so no request lands after the counts are read.
            await emulator.DisposeAsync();
        }

        await WriteLineAsync(Stopped(emulator));
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static JsonObject Listening(EmulatorSettings settings, Uri address) => new()
    {
        ["event"] = "listening",
        ["baseAddress"] = address.ToString(),
        ["brandId"] = settings.BrandId,
        ["keys"] = settings.Keys.Count,
        ["rateLimit"] = settings.RateLimit,
        ["windowMs"] = settings.RateLimit is null ? null : settings.Window.TotalMilliseconds,
        ["retryAfter"] = settings.RateLimit is null ? null : EmulatorSettings.RetryAfterName(settings.RetryAfter),
        ["latencyMs"] = settings.Latency.TotalMilliseconds,
        ["pid"] = Environment.ProcessId,
    };

    private static JsonObject Stopped(CrmEmulator emulator)
    {
        var total = emulator.RateLimits.Total;
        var perKey = new JsonArray();
        foreach (var counts in emulator.RateLimits.PerKey)
        {
            perKey.Add(new JsonObject { ["accepted"] = counts.Accepted, ["rejected"] = counts.Rejected });
        }

        return new JsonObject
        {
            ["event"] = "stopped",
            ["accepted"] = total.Accepted,
            ["rejected"] = total.Rejected,
            ["perKey"] = perKey,
            ["maxInFlight"] = emulator.MaxConcurrentRequests,
        };
    }

    private static async Task WriteLineAsync(JsonObject line)
    {
        await Console.Out.WriteLineAsync(line.ToJsonString());
        await Console.Out.FlushAsync();
    }

    /// <summary>The parent closing our stdin (or exiting) is the stop signal that works everywhere; a background thread, so a blocked read never delays exit.</summary>
    private static void WatchStdin(CancellationTokenSource stop)
    {
        var reader = new Thread(() =>
        {
            while (Console.In.ReadLine() is not null)
            {
            }

            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already stopped by a signal and shut down.
            }
        })
        {
            IsBackground = true,
            Name = "emulator stdin watch",
        };
        reader.Start();
    }
}
