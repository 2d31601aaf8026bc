using System.Diagnostics;

namespace ElasticFunnels.Crm.Samples.Tests;

/// <summary>Runs the built quickstart as a user does, in its own process, with no settings or bad ones.</summary>
public sealed class QuickstartProgramTests
{
    [Fact]
    public async Task Main_NoSettings_RunsAgainstEmulatorAndPrintsBoard()
    {
        var (exitCode, stdout, stderr) = await RunAsync(new Dictionary<string, string?> { ["EF_ACCESS_KEY"] = null });

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        Assert.Contains("using the built-in emulator at http://127.0.0.1:", stdout, StringComparison.Ordinal);
        Assert.Contains("(no duplicates)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"Total\s+│\s+5", stdout);
    }

    [Fact]
    public async Task Main_KeyWithoutBrand_ExitsNonZeroWithoutPrintingKey()
    {
        var (exitCode, stdout, stderr) = await RunAsync(new Dictionary<string, string?> { ["EF_ACCESS_KEY"] = "sk_live_do_not_print", ["EF_BRAND_ID"] = null });

        Assert.Equal(1, exitCode);
        Assert.Contains("EF_BRAND_ID must be set", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_live_do_not_print", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_WrongKeyAgainstServer_ExitsNonZeroWithoutPrintingKey()
    {
        await using var emulator = new ElasticFunnels.Crm.Testing.CrmEmulator();
        var address = await emulator.StartServerAsync(TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await RunAsync(new Dictionary<string, string?>
        {
            ["EF_ACCESS_KEY"] = "wrong_key_do_not_print",
            ["EF_BRAND_ID"] = "42",
            ["EF_BASE_URL"] = address.ToString(),
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Quickstart failed:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong_key_do_not_print", stdout + stderr, StringComparison.Ordinal);
        Assert.Equal(0, emulator.EntryCount(1));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Quickstart.dll"));
        foreach (var name in new[] { "EF_ACCESS_KEY", "EF_BRAND_ID", "EF_BASE_URL" })
        {
            start.Environment.Remove(name);
        }

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

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
