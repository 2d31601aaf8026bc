using System.CommandLine;
using System.CommandLine.Help;
using ElasticFunnels.Crm.Cli.Commands;

namespace ElasticFunnels.Crm.Cli.App;

/// <summary>The command tree of <c>efcrm</c>, and one run of it.</summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken)
    {
        var root = Build(host);
        var configuration = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,

            // Ctrl-C is ours (InterruptSignal): the token stops the command, which then reports what it wrote.
            ProcessTerminationTimeout = null,
        };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    public static RootCommand Build(CliHost host)
    {
        var root = new RootCommand("efcrm: the ElasticFunnels CRM on the command line.\n"
            + "Settings: EF_ACCESS_KEY, EF_BRAND_ID, EF_BASE_URL, or a profile (efcrm profile set). "
            + "Exit codes: 0 ok, 1 usage, 2 API error, 3 some rows failed, 130 cancelled.");
        var globals = new GlobalOptions();
        globals.AddTo(root);

        var helpOption = root.Options.OfType<HelpOption>().Single();
        var help = new ExamplesHelpAction((HelpAction)helpOption.Action!);
        helpOption.Action = help;
        help.Add(root,
        [
            "efcrm emulator                                   # a local CRM to try everything on",
            "efcrm schema leads",
            "efcrm import leads.csv --entity leads --upsert-by reference",
            "efcrm export --entity leads --output leads.csv",
            "efcrm entries list --entity leads --stage 2 --json",
        ]);

        var kit = new CommandKit(host, globals, help);
        root.Add(PresetsCommands.Build(kit));
        root.Add(EntitiesCommands.Build(kit));
        root.Add(PipelinesCommands.Build(kit));
        root.Add(StagesCommands.Build(kit));
        root.Add(FieldsCommands.Build(kit));
        root.Add(EntriesCommands.Build(kit));
        root.Add(SchemaCommand.Build(kit));
        root.Add(ImportCommand.Build(kit));
        root.Add(ExportCommand.Build(kit));
        root.Add(EmulatorCommand.Build(kit));
        root.Add(ProfileCommands.Build(kit));
        return root;
    }
}
