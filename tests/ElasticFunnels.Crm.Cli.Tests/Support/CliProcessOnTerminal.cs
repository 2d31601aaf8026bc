namespace ElasticFunnels.Crm.Cli.Tests.Support;

/// <summary>A command run under a pseudo-terminal by util-linux <c>script</c>, so it sees a terminal as in an interactive shell.</summary>
public static class CliProcessOnTerminal
{
    public static CliProcess Start(IReadOnlyDictionary<string, string?> environment, string workingDirectory, string commandLine) =>
        CliProcess.Start("script", ["--quiet", "--return", "--command", commandLine, "/dev/null"], environment, workingDirectory);
}
