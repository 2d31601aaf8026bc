using System.Text.Json;

namespace ElasticFunnels.Crm.Cli.Tests.Support;

/// <summary>What one run of efcrm printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output parsed as one JSON document (the shape of --json).</summary>
    public JsonElement Json
    {
        get
        {
            Assert.True(ExitCode == 0, $"exit {ExitCode}\n{Error}\n{Out}");
            using var document = JsonDocument.Parse(Out);
            return document.RootElement.Clone();
        }
    }

    public string All => Out + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
