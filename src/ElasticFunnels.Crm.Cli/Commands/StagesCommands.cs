using System.CommandLine;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Output;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary><c>efcrm stages list|get|create|update|reorder|delete</c>.</summary>
internal static class StagesCommands
{
    private static readonly string[] Headers = ["Id", "Name", "Position", "Status", "Color", "Pipeline"];

    public static Command Build(CommandKit kit)
    {
        var stages = kit.Command("stages", "Stages: the steps of a pipeline.", "efcrm stages list --pipeline 1", "efcrm stages reorder 1 3 2 4 5");
        var pipeline = new Option<long>("--pipeline", "-p") { Description = "Pipeline id.", Required = true };
        var id = new Argument<long>("stage") { Description = "Stage id." };
        var name = new Option<string?>("--name") { Description = "Stage name." };
        var color = new Option<string?>("--color") { Description = "Colour, e.g. #10b981." };
        var position = new Option<int?>("--position") { Description = "Sort order, from 0." };

        var list = kit.Command("list", "List a pipeline's stages in order.", "efcrm stages list --pipeline 1");
        list.Add(pipeline);
        kit.Action(list, async (c, ct) => Print.List(
            c, (await c.Api.ListStagesAsync(c.Get(pipeline), ct)).OrderBy(s => s.Position ?? int.MaxValue).ThenBy(s => s.Id), JsonModels.Stage, Headers, Row));
        stages.Add(list);

        var get = kit.Command("get", "Show one stage.", "efcrm stages get 3");
        get.Add(id);
        kit.Action(get, async (c, ct) => Print.One(c, await c.Api.GetStageAsync(c.Get(id), ct), JsonModels.Stage, Details));
        stages.Add(get);

        var create = kit.Command("create", "Add a stage to a pipeline.", "efcrm stages create --pipeline 1 --name Negotiation --color \"#f59e0b\" --position 3");
        create.Add(pipeline);
        create.Add(name);
        create.Add(color);
        create.Add(position);
        kit.Action(create, async (c, ct) =>
        {
            var created = await c.Api.CreateStageAsync(c.Get(pipeline), new StageCreateRequest
            {
                Name = c.Get(name) ?? throw new CliUsageException("--name is required to create a stage."),
                Color = c.Get(color),
                Position = c.Get(position),
            }, ct);
            return Print.One(c, created, JsonModels.Stage, Details);
        });
        stages.Add(create);

        var update = kit.Command("update", "Change a stage's name, colour or position.", "efcrm stages update 3 --name Qualified --color \"#10b981\"");
        update.Add(id);
        update.Add(name);
        update.Add(color);
        update.Add(position);
        kit.Action(update, async (c, ct) =>
        {
            var updated = await c.Api.UpdateStageAsync(c.Get(id), new StageUpdateRequest { Name = c.Get(name), Color = c.Get(color), Position = c.Get(position) }, ct);
            return Print.One(c, updated, JsonModels.Stage, Details);
        });
        stages.Add(update);

        var order = new Argument<long[]>("stages") { Description = "Stage ids in their new order; they get positions 0, 1, 2, ...", Arity = ArgumentArity.OneOrMore };
        var reorder = kit.Command("reorder", "Put stages in a new order in one request.", "efcrm stages reorder 1 3 2 4 5");
        reorder.Add(order);
        kit.Action(reorder, async (c, ct) =>
        {
            var ids = c.Get(order);
            if (ids.Distinct().Count() != ids.Length)
            {
                throw new CliUsageException("Each stage id may appear once in the new order.");
            }

            await c.Api.ReorderStagesAsync(ids.Select((stage, index) => new StagePosition(stage, index)), ct);
            var stagesNow = new List<Stage>();
            foreach (var stage in ids)
            {
                stagesNow.Add(await c.Api.GetStageAsync(stage, ct));
            }

            return Print.List(c, stagesNow, JsonModels.Stage, Headers, Row);
        });
        stages.Add(reorder);

        stages.Add(kit.Delete("stage", "", id, "efcrm stages delete 6 --yes", (api, target, ct) => api.DeleteStageAsync(target, ct)));
        return stages;
    }

    private static IReadOnlyList<string?> Row(Stage s) =>
        [Print.Text(s.Id), s.Name, Print.Text(s.Position), s.Status?.Value, s.Color, Print.Text(s.PipelineId)];

    private static IEnumerable<(string, string?)> Details(Stage s) => Headers.Zip(Row(s));
}
