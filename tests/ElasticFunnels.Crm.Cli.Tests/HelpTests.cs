using System.CommandLine;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Tests.Support;

namespace ElasticFunnels.Crm.Cli.Tests;

public sealed class HelpTests
{
    /// <summary>Every command path of the tree, e.g. "entries list".</summary>
    public static TheoryData<string> Commands()
    {
        var root = CliApp.Build(new CliHost(TextWriter.Null, TextWriter.Null, TextReader.Null, _ => null, "/nonexistent"));
        var data = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            foreach (var sub in command.Subcommands)
            {
                var subPath = path.Length == 0 ? sub.Name : $"{path} {sub.Name}";
                data.Add(subPath);
                Walk(sub, subPath);
            }
        }

        Walk(root, string.Empty);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_DescribesItAndLeavesShowExamples(string command)
    {
        await using var cli = await CliTestContext.StartAsync(seed: false);

        var result = await cli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        // In a test the root is named after the test host; installed, it is efcrm.
        Assert.Contains($" {command}", result.Out.Split("Usage:")[1].Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("Examples:\n  efcrm " + command.Split(' ')[0], result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(cli.Emulator.Requests);
    }

    [Fact]
    public async Task Help_Root_ListsCommandsExitCodesAndExamples()
    {
        await using var cli = await CliTestContext.StartAsync(seed: false);

        var result = await cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "presets", "entities", "pipelines", "stages", "fields", "entries", "schema", "import", "export", "emulator", "profile" })
        {
            Assert.Contains($"  {command}", result.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes: 0 ok, 1 usage, 2 API error, 3 some rows failed, 130 cancelled.", result.Out, StringComparison.Ordinal);
        Assert.Contains("efcrm import leads.csv --entity leads --upsert-by reference", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("entries", "list")]
    [InlineData("entries", "list", "--entity", "leads", "--per-page", "many")]
    [InlineData("import", "leads.csv", "--entity", "leads", "--upsert-by", "email")]
    public async Task Parse_BadArguments_ExitOneWithMessage(params string[] args)
    {
        await using var cli = await CliTestContext.StartAsync(seed: false);

        var result = await cli.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.NotEmpty(result.Error);
        Assert.Empty(cli.Emulator.Requests);
    }
}
