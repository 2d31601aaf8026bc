using System.CommandLine;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Output;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary><c>efcrm fields list|get|create|update|delete</c>.</summary>
internal static class FieldsCommands
{
    private static readonly string[] Headers = ["Id", "Key", "Name", "Type", "Required", "Position", "Options"];

    public static Command Build(CommandKit kit)
    {
        var fields = kit.Command("fields", "Custom fields: the schema of an entity's entries.", "efcrm fields list --entity leads", "efcrm schema leads    # fields, pipelines and stages at once");
        var entity = new Option<string>("--entity", "-e") { Description = "Entity id or slug.", Required = true };
        var id = new Argument<long>("field") { Description = "Field id." };
        var key = new Option<string?>("--key") { Description = "Field key used in entry values, e.g. lead_source." };
        var name = new Option<string?>("--name") { Description = "Display name." };
        var type = new Option<string?>("--type") { Description = "text, textarea, email, phone, url, number, integer, decimal, currency, boolean, date, datetime, time, select, multi_select, json, reference, multi_reference, ..." };
        var options = new Option<string[]>("--option") { Description = "An option of a select or multi_select field; repeat for each.", AllowMultipleArgumentsPerToken = false };
        var required = new Option<bool?>("--required") { Description = "Whether entries must have a value (true or false)." };
        var position = new Option<int?>("--position") { Description = "Display order." };

        var list = kit.Command("list", "List an entity's fields.", "efcrm fields list --entity leads", "efcrm fields list --entity leads --json");
        list.Add(entity);
        kit.Action(list, async (c, ct) => Print.List(
            c, (await c.Api.ListFieldsAsync(await c.EntityIdAsync(c.Get(entity), ct), ct)).OrderBy(f => f.Position ?? int.MaxValue), JsonModels.Field, Headers, Row));
        fields.Add(list);

        var get = kit.Command("get", "Show one field.", "efcrm fields get 3");
        get.Add(id);
        kit.Action(get, async (c, ct) => Print.One(c, await c.Api.GetFieldAsync(c.Get(id), ct), JsonModels.Field, Details));
        fields.Add(get);

        var create = kit.Command("create", "Add a field to an entity.",
            "efcrm fields create --entity leads --key budget --name Budget --type currency",
            "efcrm fields create --entity leads --key tags --name Tags --type multi_select --option VIP --option \"Follow up\"");
        foreach (var option in new Option[] { entity, key, name, type, options, required, position })
        {
            create.Add(option);
        }

        kit.Action(create, async (c, ct) =>
        {
            var entityId = await c.EntityIdAsync(c.Get(entity), ct);
            var created = await c.Api.CreateFieldAsync(entityId, new FieldCreateRequest
            {
                Key = c.Get(key) ?? throw new CliUsageException("--key is required to create a field."),
                Name = c.Get(name) ?? throw new CliUsageException("--name is required to create a field."),
                Type = new FieldType(c.Get(type) ?? throw new CliUsageException("--type is required to create a field.")),
                Options = c.Get(options) is { Length: > 0 } values ? values : null,
                Required = c.Get(required),
                Position = c.Get(position),
            }, ct);
            return Print.One(c, created, JsonModels.Field, Details);
        });
        fields.Add(create);

        var update = kit.Command("update", "Change a field.", "efcrm fields update 3 --name \"Lead source\" --option Facebook --option Google --option TikTok");
        foreach (var symbol in new Symbol[] { id, key, name, type, options, required, position })
        {
            switch (symbol)
            {
                case Argument argument: update.Add(argument); break;
                case Option option: update.Add(option); break;
            }
        }

        kit.Action(update, async (c, ct) =>
        {
            var updated = await c.Api.UpdateFieldAsync(c.Get(id), new FieldUpdateRequest
            {
                Key = c.Get(key),
                Name = c.Get(name),
                Type = c.Get(type) is { } t ? new FieldType(t) : (FieldType?)null,
                Options = c.Get(options) is { Length: > 0 } values ? values : null,
                Required = c.Get(required),
                Position = c.Get(position),
            }, ct);
            return Print.One(c, updated, JsonModels.Field, Details);
        });
        fields.Add(update);

        fields.Add(kit.Delete("field", " and its values in every entry", id, "efcrm fields delete 7 --yes", (api, target, ct) => api.DeleteFieldAsync(target, ct)));
        return fields;
    }

    private static IReadOnlyList<string?> Row(CustomField f) =>
        [Print.Text(f.Id), f.Key, f.Name, f.Type.Value, Print.Text(f.Required), Print.Text(f.Position), string.Join(", ", f.Options.Select(o => o.Value))];

    private static IEnumerable<(string, string?)> Details(CustomField f) => Headers.Zip(Row(f));
}
