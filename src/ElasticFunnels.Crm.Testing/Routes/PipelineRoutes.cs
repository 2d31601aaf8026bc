using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>Pipeline list (per entity), get, create (under an entity), update and delete.</summary>
internal static class PipelineRoutes
{
    private const string NotFoundMessage = "Pipeline not found.";

    public static void Register(Router router)
    {
        router.Add("GET", "entities/{entity}/pipelines", List);
        router.Add("POST", "entities/{entity}/pipelines", Create);
        router.Add("GET", "pipelines/{pipeline}", Get);
        router.Add("PUT", "pipelines/{pipeline}", Update);
        router.Add("DELETE", "pipelines/{pipeline}", Delete);
    }

    private static EmulatorResponse List(RouteContext context)
    {
        if (Find.Entity(context) is not { } entity)
        {
            return EmulatorResponse.NotFound("Entity not found.");
        }

        return EmulatorResponse.Json(200, new JsonArray([.. context.State.PipelinesOf(entity.Id).Select(p => JsonViews.Pipeline(context.State, p, context.BrandId))]));
    }

    private static EmulatorResponse Get(RouteContext context) =>
        Find.Pipeline(context) is { } pipeline
            ? EmulatorResponse.Json(200, JsonViews.Pipeline(context.State, pipeline, context.BrandId))
            : EmulatorResponse.NotFound(NotFoundMessage);

    private static EmulatorResponse Create(RouteContext context)
    {
        if (Find.Entity(context) is not { } entity)
        {
            return EmulatorResponse.NotFound("Entity not found.");
        }

        var input = context.Input();
        var name = input.String("name", required: true);
        if (entity.IsDataMode)
        {
            input.Errors.Add("entity", "Data-mode entities have no pipelines.");
        }

        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        var pipeline = new PipelineRecord
        {
            Id = context.State.NextPipelineId(),
            EntityId = entity.Id,
            Name = name!,
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
        };
        context.State.Pipelines.Add(pipeline.Id, pipeline);
        return EmulatorResponse.Json(201, JsonViews.Pipeline(context.State, pipeline, context.BrandId));
    }

    private static EmulatorResponse Update(RouteContext context)
    {
        if (Find.Pipeline(context) is not { } pipeline)
        {
            return EmulatorResponse.NotFound(NotFoundMessage);
        }

        var input = context.Input();
        var name = input.String("name", required: input.Has("name"));
        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        pipeline.Name = name ?? pipeline.Name;
        pipeline.UpdatedAt = context.Now;
        return EmulatorResponse.Json(200, JsonViews.Pipeline(context.State, pipeline, context.BrandId));
    }

    private static EmulatorResponse Delete(RouteContext context)
    {
        if (Find.Pipeline(context) is not { } pipeline)
        {
            return EmulatorResponse.NotFound(NotFoundMessage);
        }

        context.State.RemovePipeline(pipeline.Id);
        return EmulatorResponse.NoContent();
    }
}
