using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// Entry list and create (under an entity), and get, update, move-stage and delete in both the short
/// (<c>entries/{entry}</c>) and the nested (<c>entities/{entity}/entries/{entry}</c>) forms.
/// </summary>
internal static class EntryRoutes
{
    private const string NotFoundMessage = "Entry not found.";

    public static void Register(Router router)
    {
        router.Add("GET", "entities/{entity}/entries", EntryListing.List);
        router.Add("POST", "entities/{entity}/entries", Create);
        foreach (var prefix in (string[])["entries/{entry}", "entities/{entity}/entries/{entry}"])
        {
            router.Add("GET", prefix, Get);
            router.Add("PUT", prefix, Update);
            router.Add("PUT", prefix + "/stage", MoveStage);
            router.Add("DELETE", prefix, Delete);
        }
    }

    private static EmulatorResponse Get(RouteContext context) =>
        Find.Entry(context) is { } entry
            ? EmulatorResponse.Json(200, JsonViews.Entry(entry, context.BrandId, emptyValuesFlatAsArray: context.EmptyValuesFlatAsArray))
            : EmulatorResponse.NotFound(NotFoundMessage);

    private static EmulatorResponse Create(RouteContext context)
    {
        if (Find.Entity(context) is not { } entity)
        {
            return EmulatorResponse.NotFound("Entity not found.");
        }

        var input = context.Input();
        var title = input.String("title", required: true);
        var (pipelineId, stageId) = ReadPlacement(context, input, entity, existing: null);
        var referenceType = input.String("reference_type");
        var referenceId = input.String("reference_id");
        var userId = input.Integer("assigned_to_user_id");
        var teamId = input.Integer("assigned_to_team_id");
        var values = EntryValues.Read(context.State, input, entity, creating: true);
        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        var entry = new EntryRecord
        {
            Id = context.State.NewEntryId(),
            Sequence = context.State.NextEntrySequence(),
            EntityId = entity.Id,
            PipelineId = pipelineId,
            StageId = stageId,
            Title = title!,
            ReferenceType = referenceType,
            ReferenceId = referenceId,
            AssignedToUserId = userId,
            AssignedToTeamId = teamId,
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
        };
        EntryValues.Apply(entry, values);
        context.State.Entries.Add(entry.Id, entry);
        return EmulatorResponse.Json(201, JsonViews.Entry(entry, context.BrandId, emptyValuesFlatAsArray: context.EmptyValuesFlatAsArray));
    }

    private static EmulatorResponse Update(RouteContext context)
    {
        if (Find.Entry(context) is not { } entry)
        {
            return EmulatorResponse.NotFound(NotFoundMessage);
        }

        var entity = context.State.Entities[entry.EntityId];
        var input = context.Input();
        var title = input.String("title", required: input.Has("title"));
        var (pipelineId, stageId) = ReadPlacement(context, input, entity, entry);
        var referenceType = input.String("reference_type");
        var referenceId = input.String("reference_id");
        var userId = input.Integer("assigned_to_user_id");
        var teamId = input.Integer("assigned_to_team_id");
        var values = EntryValues.Read(context.State, input, entity, creating: false);
        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        // Only the attributes the client sent change ("all fields optional — only provided fields are updated").
        entry.Title = title ?? entry.Title;
        entry.PipelineId = pipelineId;
        entry.StageId = stageId;
        entry.ReferenceType = input.Has("reference_type") ? referenceType : entry.ReferenceType;
        entry.ReferenceId = input.Has("reference_id") ? referenceId : entry.ReferenceId;
        entry.AssignedToUserId = input.Has("assigned_to_user_id") ? userId : entry.AssignedToUserId;
        entry.AssignedToTeamId = input.Has("assigned_to_team_id") ? teamId : entry.AssignedToTeamId;
        EntryValues.Apply(entry, values);
        entry.UpdatedAt = context.Now;
        return EmulatorResponse.Json(200, JsonViews.Entry(entry, context.BrandId, emptyValuesFlatAsArray: context.EmptyValuesFlatAsArray));
    }

    private static EmulatorResponse MoveStage(RouteContext context)
    {
        if (Find.Entry(context) is not { } entry)
        {
            return EmulatorResponse.NotFound(NotFoundMessage);
        }

        var input = context.Input();
        var stageId = input.Integer("stage_id", required: true);
        if (stageId is not null
            && !(context.State.Stages.TryGetValue(stageId.Value, out var stage) && entry.PipelineId is { } pipelineId && stage.PipelineId == pipelineId))
        {
            input.Errors.Add("stage_id", "The selected stage id is invalid. It must belong to the entry's current pipeline.");
        }

        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        entry.StageId = stageId;
        entry.UpdatedAt = context.Now;
        return EmulatorResponse.Json(200, new JsonObject
        {
            ["id"] = entry.Id,
            ["stage_id"] = entry.StageId,
            ["updated_at"] = Timestamps.Entry(entry.UpdatedAt),
        });
    }

    private static EmulatorResponse Delete(RouteContext context)
    {
        if (Find.Entry(context) is not { } entry)
        {
            return EmulatorResponse.NotFound(NotFoundMessage);
        }

        context.State.Entries.Remove(entry.Id);
        return EmulatorResponse.NoContent();
    }

    /// <summary>
    /// Reads pipeline_id and stage_id. On a crm-mode entity both are required on create and the pair
    /// must stay consistent on update (pipeline in the entity, stage in the pipeline); a data-mode
    /// entity has neither, so sending them is an error.
    /// </summary>
    private static (long? PipelineId, long? StageId) ReadPlacement(RouteContext context, Input input, EntityRecord entity, EntryRecord? existing)
    {
        var errors = input.Errors;
        if (entity.IsDataMode)
        {
            foreach (var key in (string[])["pipeline_id", "stage_id"])
            {
                if (JsonText.KindOf(input.Node(key)) != JsonValueKind.Null)
                {
                    errors.Prohibited(key);
                }
            }

            return (null, null);
        }

        var creating = existing is null;
        var pipelineId = input.Integer("pipeline_id", required: creating || input.Has("pipeline_id")) ?? existing?.PipelineId;
        var stageId = input.Integer("stage_id", required: creating || input.Has("stage_id")) ?? existing?.StageId;
        var pipelineOk = false;
        if (pipelineId is { } p && !errors.Has("pipeline_id"))
        {
            pipelineOk = context.State.Pipelines.TryGetValue(p, out var pipeline) && pipeline.EntityId == entity.Id;
            if (!pipelineOk)
            {
                errors.Invalid("pipeline_id");
            }
        }

        if (pipelineOk && stageId is { } s && !errors.Has("stage_id")
            && !(context.State.Stages.TryGetValue(s, out var stage) && stage.PipelineId == pipelineId))
        {
            errors.Invalid("stage_id");
        }

        return (pipelineId, stageId);
    }
}
