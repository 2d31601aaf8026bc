using System.CommandLine;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Output;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary><c>efcrm entities list|get|create|update|delete</c>.</summary>
internal static class EntitiesCommands
{
    public static Command Build(CommandKit kit)
    {
        var entities = kit.Command("entities", "Entities: the kinds of record the CRM tracks (leads, contacts, ...).", "efcrm entities list", "efcrm entities get leads --json");

        var list = kit.Command("list", "List the entities.", "efcrm entities list", "efcrm entities list --json");
        kit.Action(list, async (c, ct) => Print.List(
            c, await c.Api.ListEntitiesAsync(ct), (w, e) => JsonModels.Entity(w, e), ["Id", "Name", "Slug", "Mode", "Fields", "Pipelines"],
            e => [Print.Text(e.Id), e.Name, e.Slug, e.Mode.Value, Print.Text(e.FieldsCount), Print.Text(e.PipelinesCount)]));
        entities.Add(list);

        var entity = EntityArgument();
        var get = kit.Command("get", "Show one entity with its pipelines and fields.", "efcrm entities get leads", "efcrm entities get 1 --json");
        get.Add(entity);
        kit.Action(get, async (c, ct) =>
        {
            var found = await c.EntityAsync(c.Get(entity), ct);
            return Print.One(c, found, (w, e) => JsonModels.Entity(w, e, e.Pipelines, e.Fields), Details);
        });
        entities.Add(get);

        var name = new Option<string>("--name") { Description = "Display name, e.g. Leads.", Required = true };
        var slug = new Option<string?>("--slug") { Description = "URL-safe key, e.g. leads (default: from the name)." };
        var preset = new Option<string?>("--preset") { Description = "Start from a preset (efcrm presets list): its pipelines, stages and fields." };
        var mode = new Option<string?>("--mode") { Description = "crm (entries move through pipeline stages; the default) or data (plain records)." };
        mode.AcceptOnlyFromAmong("crm", "data");
        var singular = new Option<string?>("--singular-name") { Description = "Name of one record, e.g. Lead." };
        var plural = new Option<string?>("--plural-name") { Description = "Name of several records, e.g. Leads." };
        var icon = new Option<string?>("--icon") { Description = "Icon name." };
        var color = new Option<string?>("--color") { Description = "Colour, e.g. #3b82f6." };

        var create = kit.Command("create", "Create an entity.", "efcrm entities create --name Leads --slug leads --preset leads");
        foreach (var option in new Option[] { name, slug, preset, mode, singular, plural, icon, color })
        {
            create.Add(option);
        }

        kit.Action(create, async (c, ct) =>
        {
            var created = await c.Api.CreateEntityAsync(new EntityCreateRequest
            {
                Name = c.Get(name),
                Slug = c.Get(slug),
                Preset = c.Get(preset),
                Mode = c.Get(mode) is { } m ? new EntityMode(m) : (EntityMode?)null,
                SingularName = c.Get(singular),
                PluralName = c.Get(plural),
                Icon = c.Get(icon),
                Color = c.Get(color),
            }, ct);
            return Print.One(c, created, (w, e) => JsonModels.Entity(w, e), Details);
        });
        entities.Add(create);

        var newName = new Option<string?>("--name") { Description = "New display name." };
        var update = kit.Command("update", "Change an entity's names, slug, icon or colour.", "efcrm entities update leads --name \"Inbound leads\"");
        update.Add(entity);
        foreach (var option in new Option[] { newName, slug, singular, plural, icon, color })
        {
            update.Add(option);
        }

        kit.Action(update, async (c, ct) =>
        {
            var id = await c.EntityIdAsync(c.Get(entity), ct);
            var updated = await c.Api.UpdateEntityAsync(id, new EntityUpdateRequest
            {
                Name = c.Get(newName),
                Slug = c.Get(slug),
                SingularName = c.Get(singular),
                PluralName = c.Get(plural),
                Icon = c.Get(icon),
                Color = c.Get(color),
            }, ct);
            return Print.One(c, updated, (w, e) => JsonModels.Entity(w, e), Details);
        });
        entities.Add(update);

        var yes = CommandKit.YesOption();
        var delete = kit.Command("delete", "Delete an entity with its pipelines, stages, fields and entries.", "efcrm entities delete old-leads --yes");
        delete.Add(entity);
        delete.Add(yes);
        kit.Action(delete, async (c, ct) =>
        {
            var found = await c.EntityAsync(c.Get(entity), ct);
            if (!c.Confirm($"Delete entity {found.Id} '{found.Name}' and all its entries?", c.Get(yes)))
            {
                return Print.NotConfirmed(c);
            }

            await c.Api.DeleteEntityAsync(found.Id, ct);
            return Print.Deleted(c, "entity", Print.Text(found.Id)!);
        });
        entities.Add(delete);
        return entities;
    }

    public static Argument<string> EntityArgument() => new("entity") { Description = "Entity id or slug." };

    private static IEnumerable<(string, string?)> Details(CrmEntity e)
    {
        yield return ("Id", Print.Text(e.Id));
        yield return ("Name", e.Name);
        yield return ("Slug", e.Slug);
        yield return ("Mode", e.Mode.Value);
        yield return ("Singular / plural", $"{e.SingularName} / {e.PluralName}");
        yield return ("Pipelines", e.Pipelines.Count > 0 ? string.Join(", ", e.Pipelines.Select(p => $"{p.Id} {p.Name}")) : Print.Text(e.PipelinesCount));
        yield return ("Fields", e.Fields.Count > 0 ? string.Join(", ", e.Fields.Select(f => f.Key)) : Print.Text(e.FieldsCount));
        yield return ("Created", Print.Text(e.CreatedAt));
        yield return ("Updated", Print.Text(e.UpdatedAt));
    }
}
