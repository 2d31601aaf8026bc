using System.Diagnostics;
using System.Text;

namespace ElasticFunnels.Crm.Cli.Tests.Support;

/// <summary>efcrm as a real process (<c>dotnet efcrm.dll ...</c>), with its output captured as it comes.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_out, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The efcrm.dll the test project's build copied next to the tests.</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "efcrm.dll");

    public string Out
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public static CliProcess Start(IReadOnlyDictionary<string, string?> environment, string workingDirectory, IEnumerable<string> args) =>
        Start("dotnet", [Dll, .. args], environment, workingDirectory);

    /// <summary>Starts <paramref name="file"/> with efcrm's environment: the variables given, and none of the user's EF_* or NO_COLOR.</summary>
    public static CliProcess Start(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "EF_ACCESS_KEY", "EF_BRAND_ID", "EF_BASE_URL", "EF_PROFILE", "NO_COLOR", "EFCRM_CONFIG_DIR" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return new CliProcess(process);
    }

    /// <summary>Ctrl-C: SIGINT, as a terminal sends it.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>A hard kill (SIGKILL): no chance to clean up, as in a crash or a power cut.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits (generously) for a condition on the output, e.g. a line that says the process is ready.</summary>
    public async Task WaitForOutputAsync(Func<string, bool> condition, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (!condition(Out))
        {
            if (_process.HasExited && !condition(Out))
            {
                Assert.Fail($"the process ended first: {await WaitAsync(ct)}");
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public async Task<CliResult> WaitAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(timeout.Token);
        string error;
        lock (_error)
        {
            error = _error.ToString();
        }

        return new CliResult(_process.ExitCode, Out, error);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }
}
