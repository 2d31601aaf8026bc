using System.CommandLine;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Output;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary><c>efcrm pipelines list|get|create|update|delete</c>.</summary>
internal static class PipelinesCommands
{
    public static Command Build(CommandKit kit)
    {
        var pipelines = kit.Command("pipelines", "Pipelines: the stage sequences of a crm-mode entity.", "efcrm pipelines list --entity leads");
        var entity = new Option<string>("--entity", "-e") { Description = "Entity id or slug.", Required = true };
        var id = new Argument<long>("pipeline") { Description = "Pipeline id." };
        var name = new Option<string>("--name") { Description = "Pipeline name.", Required = true };

        var list = kit.Command("list", "List an entity's pipelines.", "efcrm pipelines list --entity leads");
        list.Add(entity);
        kit.Action(list, async (c, ct) => Print.List(
            c, await c.Api.ListPipelinesAsync(await c.EntityIdAsync(c.Get(entity), ct), ct), (w, p) => JsonModels.Pipeline(w, p),
            ["Id", "Name", "Default", "Stages"], p => [Print.Text(p.Id), p.Name, Print.Text(p.IsDefault), string.Join(", ", p.Stages.Select(s => s.Name))]));
        pipelines.Add(list);

        var get = kit.Command("get", "Show one pipeline with its stages.", "efcrm pipelines get 1");
        get.Add(id);
        kit.Action(get, async (c, ct) => Print.One(c, await c.Api.GetPipelineAsync(c.Get(id), ct), (w, p) => JsonModels.Pipeline(w, p), Details));
        pipelines.Add(get);

        var create = kit.Command("create", "Create a pipeline in an entity.", "efcrm pipelines create --entity leads --name \"Partner pipeline\"");
        create.Add(entity);
        create.Add(name);
        kit.Action(create, async (c, ct) =>
        {
            var entityId = await c.EntityIdAsync(c.Get(entity), ct);
            var created = await c.Api.CreatePipelineAsync(entityId, new PipelineCreateRequest { Name = c.Get(name) }, ct);
            return Print.One(c, created, (w, p) => JsonModels.Pipeline(w, p), Details);
        });
        pipelines.Add(create);

        var update = kit.Command("update", "Rename a pipeline.", "efcrm pipelines update 2 --name \"Partners\"");
        update.Add(id);
        update.Add(name);
        kit.Action(update, async (c, ct) =>
            Print.One(c, await c.Api.UpdatePipelineAsync(c.Get(id), new PipelineUpdateRequest { Name = c.Get(name) }, ct), (w, p) => JsonModels.Pipeline(w, p), Details));
        pipelines.Add(update);

        pipelines.Add(kit.Delete("pipeline", " and its stages", id, "efcrm pipelines delete 2 --yes", (api, target, ct) => api.DeletePipelineAsync(target, ct)));
        return pipelines;
    }

    private static IEnumerable<(string, string?)> Details(Pipeline p)
    {
        yield return ("Id", Print.Text(p.Id));
        yield return ("Name", p.Name);
        yield return ("Default", Print.Text(p.IsDefault));
        yield return ("Entity", Print.Text(p.CrmEntityId));
        yield return ("Stages", string.Join(", ", p.Stages.OrderBy(s => s.Position).Select(s => $"{s.Id} {s.Name}")));
    }
}
