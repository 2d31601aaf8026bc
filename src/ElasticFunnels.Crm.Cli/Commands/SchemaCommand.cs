using System.CommandLine;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Output;
using ElasticFunnels.Crm.Cli.Values;
using Spectre.Console;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary><c>efcrm schema &lt;entity&gt;</c>: entity → pipelines → stages, and fields with types and options, as a tree.</summary>
internal static class SchemaCommand
{
    public static Command Build(CommandKit kit)
    {
        var entity = EntitiesCommands.EntityArgument();
        var schema = kit.Command("schema", "Show an entity's pipelines, stages and fields (with types and options) as a tree.",
            "efcrm schema leads", "efcrm schema 1 --json");
        schema.Add(entity);
        kit.Action(schema, async (c, ct) =>
        {
            var target = await EntityTarget.LoadAsync(c, c.Get(entity), ct);
            var fields = target.Schema.Fields.OrderBy(f => f.Position ?? int.MaxValue).ToList();
            if (c.Output.Json)
            {
                c.Output.WriteJson(json =>
                {
                    json.WriteStartObject();
                    json.WritePropertyName("entity");
                    JsonModels.Entity(json, target.Entity);
                    json.WriteStartArray("pipelines");
                    foreach (var pipeline in target.Pipelines)
                    {
                        JsonModels.Pipeline(json, pipeline, [.. target.StagesOf(pipeline)]);
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("fields");
                    foreach (var field in fields)
                    {
                        JsonModels.Field(json, field);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            var e = target.Entity;
            var tree = new Tree(Markup.Escape($"{e.Name} (entity {e.Id}, slug {e.Slug}, {e.Mode.Value} mode)"));
            if (!target.IsDataMode)
            {
                var pipelines = tree.AddNode("Pipelines");
                foreach (var pipeline in target.Pipelines)
                {
                    var node = pipelines.AddNode(Markup.Escape($"{pipeline.Name} (pipeline {pipeline.Id}{(pipeline.IsDefault == true ? ", default" : string.Empty)})"));
                    foreach (var stage in target.StagesOf(pipeline))
                    {
                        node.AddNode(Markup.Escape($"{stage.Position}. {stage.Name} (stage {stage.Id}, {stage.Status?.Value ?? "open"})"));
                    }
                }
            }

            var fieldsNode = tree.AddNode("Fields");
            foreach (var field in fields)
            {
                var label = $"{field.Key}: {field.Type.Value}{(field.Required ? ", required" : string.Empty)} \"{field.Name}\" (field {field.Id})";
                var node = fieldsNode.AddNode(Markup.Escape(label));
                if (field.Options.Count > 0)
                {
                    node.AddNode(Markup.Escape("options: " + string.Join(", ", field.Options.Select(o => o.Value == o.Label ? o.Value : $"{o.Value} ({o.Label})"))));
                }
            }

            c.Output.Write(tree);
            return ExitCodes.Ok;
        });
        return schema;
    }
}
