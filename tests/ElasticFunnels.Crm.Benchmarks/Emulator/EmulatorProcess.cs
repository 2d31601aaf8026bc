using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// The <c>emulator</c> command started as a child process: its loopback address once it listens, and its
/// counts once stopped. For socket benchmarks and harnesses where several client processes share one
/// emulator.
/// </summary>
/// <example>
/// <code>
/// await using var server = await EmulatorProcess.StartAsync(new EmulatorSettings { RateLimit = 20, Keys = ["k1", "k2"], Seed = true });
/// // ... clients of server.BaseAddress, in this process or others ...
/// EmulatorReport report = await server.StopAsync();   // report.Total.Rejected = 429s served
/// </code>
/// </example>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private readonly StringBuilder errors;
    private EmulatorReport? report;

    private EmulatorProcess(Process process, StringBuilder errors, Uri baseAddress, long brandId)
    {
        this.process = process;
        this.errors = errors;
        BaseAddress = baseAddress;
        BrandId = brandId;
    }

    /// <summary>The API base address, e.g. <c>http://127.0.0.1:54321/api/</c>.</summary>
    public Uri BaseAddress { get; }

    public long BrandId { get; }

    public int ProcessId => process.Id;

    /// <summary>Starts the process and waits until it listens.</summary>
    /// <exception cref="InvalidOperationException">It exited or printed something else first; the message carries its stderr.</exception>
    /// <exception cref="TimeoutException">It did not listen within a minute.</exception>
    public static async Task<EmulatorProcess> StartAsync(EmulatorSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = BenchmarksApp.StartInfo(["emulator", .. settings.ToArguments()]);
        start.RedirectStandardInput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The emulator process did not listen within {StartTimeout.TotalSeconds} s.");
            }

            var json = line is null ? null : JsonNode.Parse(line) as JsonObject;
            if (json?["event"]?.GetValue<string>() != "listening")
            {
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw new InvalidOperationException($"The emulator process did not start (first line: {line ?? "none"}): {Text(errors)}");
            }

            return new EmulatorProcess(process, errors, new Uri(json["baseAddress"]!.GetValue<string>()), json["brandId"]!.GetValue<long>());
        }
        catch
        {
            KillQuietly(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Closes the process's stdin, which stops it, and returns what it counted. Calling it again returns the same report.</summary>
    /// <exception cref="InvalidOperationException">It exited without a stop report; the message carries its stderr.</exception>
    public async Task<EmulatorReport> StopAsync(CancellationToken cancellationToken = default)
    {
        if (report is not null)
        {
            return report;
        }

        process.StandardInput.Close();
        var rest = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var last = rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        report = last is not null && process.ExitCode == 0
            ? EmulatorReport.Parse(last)
            : throw new InvalidOperationException($"The emulator process exited with code {process.ExitCode} without a report: {Text(errors)}");
        return report;
    }

    /// <summary>Stops the process if still running (killing it if it does not stop within 15 s).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (report is null && !process.HasExited)
            {
                using var timeout = new CancellationTokenSource(StopTimeout);
                await StopAsync(timeout.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException)
        {
            KillQuietly(process);
        }
        finally
        {
            process.Dispose();
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string Text(StringBuilder errors)
    {
        lock (errors)
        {
            return errors.ToString().Trim();
        }
    }
}
