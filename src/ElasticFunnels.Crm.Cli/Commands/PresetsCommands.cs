using System.CommandLine;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Output;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary><c>efcrm presets list</c>.</summary>
internal static class PresetsCommands
{
    public static Command Build(CommandKit kit)
    {
        var presets = kit.Command("presets", "Entity presets: built-in templates for new entities.", "efcrm presets list");
        var list = kit.Command("list", "List the entity presets.", "efcrm presets list", "efcrm presets list --json");
        kit.Action(list, async (c, ct) => Print.List(
            c, await c.Api.ListPresetsAsync(ct), JsonModels.Preset, ["Key", "Label", "Description"], p => [p.Key, p.Label, p.Description]));
        presets.Add(list);
        return presets;
    }
}
