using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>Stage list (per pipeline), get, create (under a pipeline), update, reorder and delete.</summary>
internal static class StageRoutes
{
    private const string NotFoundMessage = "Stage not found.";

    public static void Register(Router router)
    {
        router.Add("GET", "pipelines/{pipeline}/stages", List);
        router.Add("POST", "pipelines/{pipeline}/stages", Create);

        // Before stages/{stage}: the literal must never be read as a stage id.
        router.Add("PUT", "stages/reorder", Reorder);
        router.Add("GET", "stages/{stage}", Get);
        router.Add("PUT", "stages/{stage}", Update);
        router.Add("DELETE", "stages/{stage}", Delete);
    }

    private static EmulatorResponse List(RouteContext context)
    {
        if (Find.Pipeline(context) is not { } pipeline)
        {
            return EmulatorResponse.NotFound("Pipeline not found.");
        }

        return EmulatorResponse.Json(200, new JsonArray([.. context.State.StagesOf(pipeline.Id).Select(JsonViews.Stage)]));
    }

    private static EmulatorResponse Get(RouteContext context) =>
        Find.Stage(context) is { } stage
            ? EmulatorResponse.Json(200, JsonViews.Stage(stage))
            : EmulatorResponse.NotFound(NotFoundMessage);

    private static EmulatorResponse Create(RouteContext context)
    {
        if (Find.Pipeline(context) is not { } pipeline)
        {
            return EmulatorResponse.NotFound("Pipeline not found.");
        }

        var input = context.Input();
        var name = input.String("name", required: true);
        var color = input.String("color", max: 64);
        var position = input.Integer("position", min: 0);
        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        var last = context.State.StagesOf(pipeline.Id).Select(s => (long?)s.Position).Max();
        var stage = new StageRecord
        {
            Id = context.State.NextStageId(),
            PipelineId = pipeline.Id,
            Name = name!,
            Color = color,
            Position = position ?? (last is null ? 0 : last.Value + 1),
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
        };
        context.State.Stages.Add(stage.Id, stage);
        return EmulatorResponse.Json(201, JsonViews.Stage(stage));
    }

    private static EmulatorResponse Update(RouteContext context)
    {
        if (Find.Stage(context) is not { } stage)
        {
            return EmulatorResponse.NotFound(NotFoundMessage);
        }

        var input = context.Input();
        var name = input.String("name", required: input.Has("name"));
        var color = input.String("color", max: 64);
        var position = input.Integer("position", required: input.Has("position"), min: 0);
        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        stage.Name = name ?? stage.Name;
        stage.Color = input.Has("color") ? color : stage.Color;
        stage.Position = position ?? stage.Position;
        stage.UpdatedAt = context.Now;
        return EmulatorResponse.Json(200, JsonViews.Stage(stage));
    }

    private static EmulatorResponse Reorder(RouteContext context)
    {
        var errors = new ValidationErrors();
        var items = context.Body["stages"];
        var changes = new List<(StageRecord Stage, long Position)>();
        if (items is not JsonArray array || array.Count == 0)
        {
            if (JsonText.KindOf(items) is JsonValueKind.Null || items is JsonArray)
            {
                errors.Required("stages");
            }
            else
            {
                errors.MustBe("stages", "an array");
            }

            return errors.ToResponse();
        }

        for (var i = 0; i < array.Count; i++)
        {
            var prefix = $"stages.{i}";
            if (array[i] is not JsonObject item)
            {
                errors.MustBe(prefix, "an array");
                continue;
            }

            var input = new Input(item, errors, prefix + ".");
            var id = input.Integer("id", required: true);
            var position = input.Integer("position", required: true, min: 0);
            if (id is null || position is null)
            {
                continue;
            }

            if (!context.State.Stages.TryGetValue(id.Value, out var stage))
            {
                errors.Invalid($"{prefix}.id");
                continue;
            }

            changes.Add((stage, position.Value));
        }

        if (errors.Any)
        {
            return errors.ToResponse();
        }

        // All or nothing: positions change only once every id has been checked.
        foreach (var (stage, position) in changes)
        {
            stage.Position = position;
            stage.UpdatedAt = context.Now;
        }

        return EmulatorResponse.Json(200, new JsonObject { ["success"] = true });
    }

    private static EmulatorResponse Delete(RouteContext context)
    {
        if (Find.Stage(context) is not { } stage)
        {
            return EmulatorResponse.NotFound(NotFoundMessage);
        }

        context.State.RemoveStage(stage.Id);
        return EmulatorResponse.NoContent();
    }
}
