using System.Diagnostics;
using System.Reflection;

namespace ElasticFunnels.Crm.Samples.Tests;

/// <summary>
/// Every file-based app in samples/scripts, run as a user runs it (<c>dotnet run samples/scripts/name.cs</c>)
/// with no settings, so against the built-in emulator. One class, so they run one after another: they
/// share the projects they build against.
/// </summary>
public sealed class ScriptsTests
{
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["import-leads"] = "5 leads imported into 'leads', 0 failed.",
        ["move-stale-leads"] = "3 leads not touched for 14 days were moved to 'Closed Lost'.",
        ["nightly-export"] = "Exported 25 entries of 'leads' to exports/leads-",
        ["find-duplicates"] = "2 email values shared by more than one lead, 3 duplicates.",
    };

    public static TheoryData<string> Scripts() => [.. Expected.Keys];

    [Fact]
    public void Scripts_EveryScriptInTheFolder_IsRunHere()
    {
        var scripts = Directory.GetFiles(Path.Combine(RepositoryRoot(), "samples", "scripts"), "*.cs").Select(Path.GetFileNameWithoutExtension);

        Assert.Equal(Expected.Keys.Order(), scripts.Order());
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_NoSettings_RunsAgainstTheEmulator(string name)
    {
        var work = Directory.CreateTempSubdirectory("efcrm-script-").FullName;
        try
        {
            var (exitCode, output) = await RunAsync(name, work);

            Assert.True(exitCode == 0, output);
            Assert.Contains("using the built-in emulator at http://127.0.0.1:", output, StringComparison.Ordinal);
            Assert.Contains(Expected[name], output, StringComparison.Ordinal);
            if (name == "nightly-export")
            {
                var file = Assert.Single(Directory.GetFiles(Path.Combine(work, "exports")));
                Assert.Equal(25, File.ReadAllLines(file).Length);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string name, string workingDirectory)
    {
        var configuration = typeof(ScriptsTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The configuration the solution was built in, so the projects the script references are up to date.
        foreach (var arg in new[] { "run", "-c", configuration, Path.Combine(RepositoryRoot(), "samples", "scripts", name + ".cs") })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var variable in new[] { "EF_ACCESS_KEY", "EF_BRAND_ID", "EF_BASE_URL", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElasticFunnels.Crm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
