using System.Text.Json;
using ElasticFunnels.Crm.Cli.Tests.Support;

namespace ElasticFunnels.Crm.Cli.Tests;

/// <summary>Where the key, brand and address come from; profiles; and the key never being printed.</summary>
public sealed class SettingsTests
{
    private const string Canary = "ef_live_CANARY_7f3a9c1d2e";

    [Fact]
    public async Task NoKey_UsageErrorThatSaysHowToSetOne()
    {
        await using var cli = await CliTestContext.StartAsync();
        cli.Environment["EF_ACCESS_KEY"] = null;

        var result = await cli.RunAsync("entities", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No access key. Set EF_ACCESS_KEY and EF_BRAND_ID, or save a profile", result.Error, StringComparison.Ordinal);
        Assert.Empty(cli.Emulator.Requests);
    }

    [Theory]
    [InlineData(null, "No brand id")]
    [InlineData("abc", "The brand id from EF_BRAND_ID must be a positive whole number (was 'abc')")]
    [InlineData("0", "must be a positive whole number")]
    public async Task BadBrand_UsageError(string? brand, string message)
    {
        await using var cli = await CliTestContext.StartAsync();
        cli.Environment["EF_BRAND_ID"] = brand;

        var result = await cli.RunAsync("entities", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flags_OverrideTheEnvironment()
    {
        await using var cli = await CliTestContext.StartAsync();
        var address = cli.Environment["EF_BASE_URL"]!;
        cli.Environment["EF_BRAND_ID"] = "7";
        cli.Environment["EF_BASE_URL"] = "http://127.0.0.1:1/api/";

        var result = await cli.RunAsync("entities", "list", "--brand", "42", "--base-url", address, "--json");

        Assert.Equal(1, result.Json.GetArrayLength());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ProfileSet_OwnerOnlyFileAndDirectoryKeyReadFromStandardInput()
    {
        await using var cli = await CliTestContext.StartAsync(accessKey: Canary);

        var set = await cli.RunWithInputAsync(Canary + "\n", "profile", "set", "default", "--brand-id", "42", "--url", cli.Address.ToString(), "--key-stdin");

        Assert.True(set.ExitCode == 0, set.ToString());
        var file = Path.Combine(cli.ConfigDirectory, "profiles.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cli.ConfigDirectory));
        using var saved = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(Canary, saved.RootElement.GetProperty("profiles").GetProperty("default").GetProperty("access_key").GetString());
        Assert.DoesNotContain(Canary, set.All, StringComparison.Ordinal);

        // Changing the profile keeps the file owner-only, even if someone opened it up meanwhile.
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var list = await cli.RunAsync("profile", "list", "--json");
        Assert.Contains("can be read by other users (mode 644)", list.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("profile", "set", "default", "--brand-id", "42")).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        var profile = Assert.Single(list.Json.EnumerateArray());
        Assert.True(profile.GetProperty("has_key").GetBoolean());
        Assert.DoesNotContain(Canary, list.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profiles_DefaultUsedWithoutVariablesNamedOneBeatsThem()
    {
        await using var cli = await CliTestContext.StartAsync(accessKey: Canary);
        await cli.RunWithInputAsync(Canary, "profile", "set", "default", "--brand-id", "42", "--url", cli.Address.ToString(), "--key-stdin");
        await cli.RunWithInputAsync(Canary, "profile", "set", "other", "--brand-id", "42", "--url", cli.Address.ToString(), "--key-stdin");
        await cli.RunWithInputAsync("wrong", "profile", "set", "broken", "--brand-id", "42", "--url", cli.Address.ToString(), "--key-stdin");

        cli.Environment["EF_ACCESS_KEY"] = null;
        cli.Environment["EF_BRAND_ID"] = null;
        cli.Environment["EF_BASE_URL"] = null;
        var fromDefault = await cli.RunAsync("entities", "list", "--json", "--verbose");

        cli.Environment["EF_ACCESS_KEY"] = "wrong_key";
        var fromVariables = await cli.RunAsync("entities", "list");
        var named = await cli.RunAsync("entities", "list", "--profile", "other", "--json");
        cli.Environment["EF_PROFILE"] = "broken";
        var fromProfileVariable = await cli.RunAsync("entities", "list");
        var missing = await cli.RunAsync("entities", "list", "--profile", "nope");

        Assert.Equal(1, fromDefault.Json.GetArrayLength());
        Assert.Contains("key from profile 'default'", fromDefault.Error, StringComparison.Ordinal);
        Assert.Equal(2, fromVariables.ExitCode); // EF_ACCESS_KEY beats the default profile, and is wrong
        Assert.Equal(1, named.Json.GetArrayLength());
        Assert.Equal(2, fromProfileVariable.ExitCode);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("There is no profile named 'nope'", missing.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("profile", "remove", "broken")).ExitCode);
    }

    [Fact]
    public async Task KeyFlag_WorksButWarnsAboutShellHistory()
    {
        await using var cli = await CliTestContext.StartAsync(accessKey: Canary);
        cli.Environment["EF_ACCESS_KEY"] = null;

        var result = await cli.RunAsync("entities", "list", "--key", Canary, "--json");

        Assert.Equal(1, result.Json.GetArrayLength());
        Assert.Contains("warning: --key leaves the access key in your shell's history", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_NeverPrinted_NotWithVerboseNotInErrorsNotInFilesWritten()
    {
        await using var cli = await CliTestContext.StartAsync(accessKey: Canary);
        var csv = cli.WriteFile("leads.csv", $"title,deal_value,email\nGood,1,a@example.com\nBad {Canary},x,b@example.com\nRefused,2,not-an-email\n");
        var outputs = new List<CliResult>
        {
            await cli.RunAsync("entities", "list", "--verbose"),
            await cli.RunAsync("schema", "leads", "--verbose", "--json"),
            await cli.RunAsync("import", csv, "--entity", "leads", "--verbose"),
            await cli.RunAsync("export", "--entity", "leads", "--verbose", "-o", cli.PathOf("out.csv")),
            await cli.RunAsync("entries", "get", "missing", "--verbose"),
            await cli.RunAsync("entities", "list", "--verbose", "--brand", "43"),
            await cli.RunAsync("entities", "list", "--verbose", "--key", Canary + "x"),
        };

        Assert.Contains("GET " + cli.Address + "brands/42/crm/entities -> 200", outputs[0].Error, StringComparison.Ordinal);
        Assert.Contains("key from EF_ACCESS_KEY", outputs[0].Error, StringComparison.Ordinal);
        Assert.Equal([0, 0, 3, 0, 2, 2, 2], outputs.Select(o => o.ExitCode));
        foreach (var output in outputs)
        {
            Assert.DoesNotContain(Canary, output.All, StringComparison.Ordinal);
        }

        // The key as row data is data (the export has it); the results file and the export name no key of ours otherwise.
        Assert.DoesNotContain(Canary, File.ReadAllText(csv + ".results.jsonl").Replace($"Bad {Canary}", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
