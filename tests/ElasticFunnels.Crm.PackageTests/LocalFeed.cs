using System.Diagnostics;

[assembly: AssemblyFixture(typeof(ElasticFunnels.Crm.PackageTests.LocalFeed))]

namespace ElasticFunnels.Crm.PackageTests;

/// <summary>
/// The four packages (ElasticFunnels.Crm, ElasticFunnels.Crm.Testing, ElasticFunnels.Crm.Redis and the ElasticFunnels.Crm.Cli tool),
/// packed once per test run with a throwaway version into a local folder. They are built in a private
/// artifacts folder, so packing never rewrites the working tree's bin/ and obj/ that other test projects
/// and the samples build against at the same time.
/// </summary>
public sealed class LocalFeed : IAsyncLifetime
{
    public static readonly string[] Packages = ["ElasticFunnels.Crm", "ElasticFunnels.Crm.Testing", "ElasticFunnels.Crm.Redis", "ElasticFunnels.Crm.Cli"];

    public string Work { get; } = Directory.CreateTempSubdirectory("efcrm-pack-").FullName;

    /// <summary>
    /// A prerelease of the version being built (Directory.Build.props' VersionPrefix), so that package
    /// validation, which requires a version at least the baseline's, runs as in a real pack.
    /// </summary>
    public string Version { get; } = $"{VersionPrefix()}-pack{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public string Feed => Path.Combine(Work, "feed");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async ValueTask InitializeAsync()
    {
        var artifacts = Path.Combine(Work, "artifacts");
        foreach (var package in Packages)
        {
            var project = Path.Combine(RepositoryRoot, "src", package);
            var pack = await RunAsync("dotnet", $"pack \"{project}\" -c Release -o \"{Feed}\" --artifacts-path \"{artifacts}\" -p:Version={Version} -p:ContinuousIntegrationBuild=true", RepositoryRoot, CancellationToken.None);
            Assert.True(pack.ExitCode == 0, pack.Output);
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string directory, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, $"{file} {arguments}\n{await stdout}\n{await stderr}");
    }

    public ValueTask DisposeAsync()
    {
        // The throwaway version was restored into the global packages folder; do not leave it there.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var directory in Packages.Select(id => Path.Combine(globalPackages, id.ToLowerInvariant(), Version)).Append(Work))
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return ValueTask.CompletedTask;
    }

    private static string FindRepositoryRoot()
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

    private static string VersionPrefix() =>
        System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;
}
