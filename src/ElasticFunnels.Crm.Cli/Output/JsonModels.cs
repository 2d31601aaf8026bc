using System.Globalization;
using System.Text.Json;

namespace ElasticFunnels.Crm.Cli.Output;

/// <summary>
/// The documented, stable JSON shapes of <c>--json</c>: API property names in snake_case, every property
/// present (null when unknown), timestamps ISO 8601 in UTC. An entry has the same keys as a line of
/// <c>efcrm export --format jsonl</c>.
/// </summary>
internal static class JsonModels
{
    public static void Preset(Utf8JsonWriter json, EntityPreset preset)
    {
        json.WriteStartObject();
        json.WriteString("key", preset.Key);
        json.WriteString("label", preset.Label);
        json.WriteString("description", preset.Description);
        json.WriteEndObject();
    }

    public static void Entity(Utf8JsonWriter json, CrmEntity entity, IReadOnlyList<Pipeline>? pipelines = null, IReadOnlyList<CustomField>? fields = null)
    {
        json.WriteStartObject();
        json.WriteNumber("id", entity.Id);
        json.WriteString("name", entity.Name);
        json.WriteString("slug", entity.Slug);
        json.WriteString("singular_name", entity.SingularName);
        json.WriteString("plural_name", entity.PluralName);
        json.WriteString("mode", entity.Mode.Value);
        json.WriteString("icon", entity.Icon);
        json.WriteString("color", entity.Color);
        Number(json, "fields_count", entity.FieldsCount);
        Number(json, "pipelines_count", entity.PipelinesCount);
        Timestamp(json, "created_at", entity.CreatedAt);
        Timestamp(json, "updated_at", entity.UpdatedAt);
        if (pipelines is not null)
        {
            json.WriteStartArray("pipelines");
            foreach (var pipeline in pipelines)
            {
                Pipeline(json, pipeline);
            }

            json.WriteEndArray();
        }

        if (fields is not null)
        {
            json.WriteStartArray("fields");
            foreach (var field in fields)
            {
                Field(json, field);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    public static void Pipeline(Utf8JsonWriter json, Pipeline pipeline, IReadOnlyList<Stage>? stages = null)
    {
        json.WriteStartObject();
        json.WriteNumber("id", pipeline.Id);
        json.WriteString("name", pipeline.Name);
        json.WriteString("slug", pipeline.Slug);
        Boolean(json, "is_default", pipeline.IsDefault);
        Number(json, "crm_entity_id", pipeline.CrmEntityId);
        Timestamp(json, "created_at", pipeline.CreatedAt);
        Timestamp(json, "updated_at", pipeline.UpdatedAt);
        json.WriteStartArray("stages");
        foreach (var stage in stages ?? pipeline.Stages)
        {
            Stage(json, stage);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Stage(Utf8JsonWriter json, Stage stage)
    {
        json.WriteStartObject();
        json.WriteNumber("id", stage.Id);
        json.WriteString("name", stage.Name);
        json.WriteString("slug", stage.Slug);
        json.WriteString("color", stage.Color);
        Number(json, "position", stage.Position);
        json.WriteString("status", stage.Status?.Value);
        if (stage.Probability is { } probability)
        {
            json.WriteNumber("probability", probability);
        }
        else
        {
            json.WriteNull("probability");
        }

        Number(json, "pipeline_id", stage.PipelineId);
        Timestamp(json, "created_at", stage.CreatedAt);
        Timestamp(json, "updated_at", stage.UpdatedAt);
        json.WriteEndObject();
    }

    public static void Field(Utf8JsonWriter json, CustomField field)
    {
        json.WriteStartObject();
        json.WriteNumber("id", field.Id);
        json.WriteString("key", field.Key);
        json.WriteString("name", field.Name);
        json.WriteString("type", field.Type.Value);
        json.WriteBoolean("required", field.Required);
        Number(json, "position", field.Position);
        json.WriteStartArray("options");
        foreach (var option in field.Options)
        {
            json.WriteStartObject();
            json.WriteString("value", option.Value);
            json.WriteString("label", option.Label);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Number(json, "target_entity_id", field.TargetEntityId);
        Number(json, "crm_entity_id", field.CrmEntityId);
        Timestamp(json, "created_at", field.CreatedAt);
        Timestamp(json, "updated_at", field.UpdatedAt);
        json.WriteEndObject();
    }

    public static void Entry(Utf8JsonWriter json, Entry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id);
        json.WriteString("title", entry.Title);
        Number(json, "pipeline_id", entry.PipelineId);
        Number(json, "stage_id", entry.StageId);
        Number(json, "crm_entity_id", entry.CrmEntityId);
        Number(json, "brand_id", entry.BrandId);
        json.WriteString("reference_type", entry.ReferenceType);
        json.WriteString("reference_id", entry.ReferenceId);
        Number(json, "assigned_to_user_id", entry.AssignedToUserId);
        Number(json, "assigned_to_team_id", entry.AssignedToTeamId);
        Timestamp(json, "created_at", entry.CreatedAt);
        Timestamp(json, "updated_at", entry.UpdatedAt);
        json.WriteStartObject("values");
        foreach (var (key, value) in entry.Values)
        {
            json.WritePropertyName(key);
            if (value.ValueKind == JsonValueKind.Undefined)
            {
                json.WriteNullValue();
            }
            else
            {
                value.WriteTo(json);
            }
        }

        json.WriteEndObject();
        if (entry.Customer is { ValueKind: not JsonValueKind.Undefined } customer)
        {
            json.WritePropertyName("customer");
            customer.WriteTo(json);
        }

        json.WriteEndObject();
    }

    public static string? Timestamp(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void Timestamp(Utf8JsonWriter json, string name, DateTimeOffset? instant) => json.WriteString(name, Timestamp(instant));

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Boolean(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } flag)
        {
            json.WriteBoolean(name, flag);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
