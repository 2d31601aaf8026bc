using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// Turns stored records into the vendor's response shapes (snake_case, documented property names).
/// Called under the state lock; every node returned is new, so callers may attach it anywhere.
/// </summary>
internal static class JsonViews
{
    public static JsonObject Entity(EntityRecord entity, long brandId) => new()
    {
        ["id"] = entity.Id,
        ["name"] = entity.Name,
        ["slug"] = entity.Slug,
        ["singular_name"] = entity.SingularName,
        ["plural_name"] = entity.PluralName,
        ["icon"] = entity.Icon,
        ["color"] = entity.Color,

        // Both spellings, because vendor pages and clients disagree on the name.
        ["mode"] = entity.Mode,
        ["entity_mode"] = entity.Mode,
        ["brand_id"] = brandId,
        ["created_at"] = Timestamps.Model(entity.CreatedAt),
        ["updated_at"] = Timestamps.Model(entity.UpdatedAt),
    };

    public static JsonObject EntitySummary(CrmState state, EntityRecord entity, long brandId)
    {
        var json = Entity(entity, brandId);
        json["pipelines_count"] = state.PipelinesOf(entity.Id).Count();
        json["fields_count"] = state.FieldsOf(entity.Id).Count();
        return json;
    }

    public static JsonObject EntityDetail(CrmState state, EntityRecord entity, long brandId)
    {
        var json = Entity(entity, brandId);
        json["pipelines"] = new JsonArray([.. state.PipelinesOf(entity.Id).Select(p => Pipeline(state, p, brandId))]);
        json["fields"] = new JsonArray([.. state.FieldsOf(entity.Id).Select(Field)]);
        return json;
    }

    public static JsonObject Pipeline(CrmState state, PipelineRecord pipeline, long brandId) => new()
    {
        ["id"] = pipeline.Id,
        ["name"] = pipeline.Name,
        ["crm_entity_id"] = pipeline.EntityId,
        ["brand_id"] = brandId,
        ["stages"] = new JsonArray([.. state.StagesOf(pipeline.Id).Select(Stage)]),
        ["created_at"] = Timestamps.Model(pipeline.CreatedAt),
        ["updated_at"] = Timestamps.Model(pipeline.UpdatedAt),
    };

    public static JsonObject Stage(StageRecord stage) => new()
    {
        ["id"] = stage.Id,
        ["name"] = stage.Name,
        ["color"] = stage.Color,
        ["position"] = stage.Position,
        ["pipeline_id"] = stage.PipelineId,
        ["created_at"] = Timestamps.Model(stage.CreatedAt),
        ["updated_at"] = Timestamps.Model(stage.UpdatedAt),
    };

    public static JsonObject Field(FieldRecord field) => new()
    {
        ["id"] = field.Id,
        ["name"] = field.Name,
        ["key"] = field.Key,
        ["type"] = field.Type,
        ["options"] = field.Options?.DeepClone(),
        ["required"] = field.Required,
        ["position"] = field.Position,
        ["crm_entity_id"] = field.EntityId,
        ["created_at"] = Timestamps.Model(field.CreatedAt),
        ["updated_at"] = Timestamps.Model(field.UpdatedAt),
    };

    public static JsonObject Entry(EntryRecord entry, long brandId, bool includeCustomer = false, bool emptyValuesFlatAsArray = false)
    {
        var values = new JsonArray();
        var flat = new JsonObject();
        foreach (var (key, value) in entry.Values)
        {
            values.Add(new JsonObject { ["key"] = key, ["value"] = value?.DeepClone() });
            flat[key] = value?.DeepClone();
        }

        var json = new JsonObject
        {
            ["id"] = entry.Id,
            ["title"] = entry.Title,
            ["pipeline_id"] = entry.PipelineId,
            ["stage_id"] = entry.StageId,
            ["crm_entity_id"] = entry.EntityId,
            ["brand_id"] = brandId,
            ["reference_type"] = entry.ReferenceType,
            ["reference_id"] = entry.ReferenceId,
            ["assigned_to_user_id"] = entry.AssignedToUserId,
            ["assigned_to_team_id"] = entry.AssignedToTeamId,
            ["values"] = values,
            // PHP's json_encode writes an empty associative array as [], not {}.
            ["values_flat"] = emptyValuesFlatAsArray && flat.Count == 0 ? new JsonArray() : flat,
            ["created_at"] = Timestamps.Entry(entry.CreatedAt),
            ["updated_at"] = Timestamps.Entry(entry.UpdatedAt),
        };

        if (includeCustomer)
        {
            json["customer"] = Customer(entry);
        }

        return json;
    }

    /// <summary>
    /// The real service looks the entry's email up among the brand's customers; the emulator has no
    /// customer store, so it synthesises one from the entry's own values and title.
    /// </summary>
    private static JsonObject? Customer(EntryRecord entry)
    {
        var email = entry.Values.TryGetValue("email", out var node) ? JsonText.StringOf(node) : null;
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var words = entry.Title.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var firstName = ValueText(entry, "first_name") ?? words.ElementAtOrDefault(0);
        var lastName = ValueText(entry, "last_name") ?? words.ElementAtOrDefault(1);
        return new JsonObject
        {
            ["email"] = email,
            ["first_name"] = firstName,
            ["last_name"] = lastName,
            ["phone"] = ValueText(entry, "phone"),
        };
    }

    private static string? ValueText(EntryRecord entry, string key) =>
        entry.Values.TryGetValue(key, out var node) ? JsonText.StringOf(node) : null;
}
