using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ElasticFunnels.Crm.Cli.App;

/// <summary>The built-in help, followed by an "Examples:" section for commands that have examples (as <c>gh</c> does).</summary>
internal sealed class ExamplesHelpAction(HelpAction inner) : SynchronousCommandLineAction
{
    private readonly Dictionary<Command, string[]> _examples = [];

    public override bool ClearsParseErrors => true;

    public void Add(Command command, string[] examples) => _examples[command] = examples;

    public override int Invoke(ParseResult parseResult)
    {
        var code = inner.Invoke(parseResult);
        if (_examples.TryGetValue(parseResult.CommandResult.Command, out var examples) && examples.Length > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var example in examples)
            {
                output.WriteLine($"  {example}");
            }

            output.WriteLine();
        }

        return code;
    }
}
