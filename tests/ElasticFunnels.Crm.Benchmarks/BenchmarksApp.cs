using System.Diagnostics;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>Starts this benchmarks application again as a child process, with a command such as <c>emulator</c>.</summary>
public static class BenchmarksApp
{
    private static readonly string Name = typeof(BenchmarksApp).Assembly.GetName().Name!;

    /// <summary>
    /// A start-info for <c>ElasticFunnels.Crm.Benchmarks &lt;arguments&gt;</c>, stdout redirected. It works from
    /// this app and from a BenchmarkDotNet child, whose generated project sits under this app's output folder
    /// (so the search walks up until it finds the app's runtime config).
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var folder = FindOutputFolder();
        var apphost = Path.Combine(folder, OperatingSystem.IsWindows() ? Name + ".exe" : Name);
        if (File.Exists(apphost))
        {
            start.FileName = apphost;
        }
        else
        {
            start.FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            start.ArgumentList.Add(Path.Combine(folder, Name + ".dll"));
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string FindOutputFolder()
    {
        var first = Path.GetDirectoryName(typeof(BenchmarksApp).Assembly.Location) ?? AppContext.BaseDirectory;
        for (var folder = new DirectoryInfo(first); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Name + ".runtimeconfig.json")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"{Name}.runtimeconfig.json was not found in {first} or above it; build tests/ElasticFunnels.Crm.Benchmarks first.");
    }
}
