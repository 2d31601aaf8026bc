using System.IO.Compression;
using System.Text.Json;
using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.PackageTests;

/// <summary>
/// Installs the packed ElasticFunnels.Crm.Cli tool from the local feed into a temporary tool path, as
/// <c>dotnet tool install</c> does for a user, and runs the installed <c>efcrm</c>.
/// </summary>
public sealed class ToolPackageTests(LocalFeed packages)
{
    [Fact]
    public async Task PackedTool_InstalledFromLocalFeed_HelpAndSchemaAgainstEmulator()
    {
        var ct = TestContext.Current.CancellationToken;
        var package = Path.Combine(packages.Feed, $"ElasticFunnels.Crm.Cli.{packages.Version}.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/efcrm.dll");
            Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/DotnetToolSettings.xml");
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        }

        var tools = Path.Combine(packages.Work, "tools");
        var install = await LocalFeed.RunAsync("dotnet", $"tool install ElasticFunnels.Crm.Cli --tool-path \"{tools}\" --add-source \"{packages.Feed}\" --version {packages.Version}", packages.Work, ct);
        Assert.True(install.ExitCode == 0, install.Output);
        var efcrm = Path.Combine(tools, OperatingSystem.IsWindows() ? "efcrm.exe" : "efcrm");

        var help = await LocalFeed.RunAsync(efcrm, "--help", packages.Work, ct);

        Assert.True(help.ExitCode == 0, help.Output);
        Assert.Contains("Usage:\n  efcrm [command] [options]", help.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 ok, 1 usage, 2 API error, 3 some rows failed, 130 cancelled.", help.Output, StringComparison.Ordinal);

        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true });
        var address = await emulator.StartServerAsync(ct);
        var schema = await LocalFeed.RunAsync(efcrm, "schema leads --json", packages.Work, ct, new Dictionary<string, string>
        {
            ["EF_ACCESS_KEY"] = emulator.AccessKey,
            ["EF_BRAND_ID"] = "42",
            ["EF_BASE_URL"] = address.ToString(),
            ["EFCRM_CONFIG_DIR"] = Path.Combine(packages.Work, "config"),
        });

        Assert.True(schema.ExitCode == 0, schema.Output);
        using var json = JsonDocument.Parse(schema.Output[schema.Output.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.Equal("leads", json.RootElement.GetProperty("entity").GetProperty("slug").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("fields").GetArrayLength());
        Assert.Equal(5, json.RootElement.GetProperty("pipelines")[0].GetProperty("stages").GetArrayLength());
    }
}
