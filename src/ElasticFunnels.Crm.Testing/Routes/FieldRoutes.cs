using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ElasticFunnels.Crm.Testing;

/// <summary>Custom field list (per entity), get, create (under an entity), update and delete.</summary>
internal static partial class FieldRoutes
{
    private const string NotFoundMessage = "Field not found.";

    public static void Register(Router router)
    {
        router.Add("GET", "entities/{entity}/fields", List);
        router.Add("POST", "entities/{entity}/fields", Create);
        router.Add("GET", "fields/{field}", Get);
        router.Add("PUT", "fields/{field}", Update);
        router.Add("DELETE", "fields/{field}", Delete);
    }

    [GeneratedRegex("^[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    private static EmulatorResponse List(RouteContext context)
    {
        if (Find.Entity(context) is not { } entity)
        {
            return EmulatorResponse.NotFound("Entity not found.");
        }

        return EmulatorResponse.Json(200, new JsonArray([.. context.State.FieldsOf(entity.Id).Select(JsonViews.Field)]));
    }

    private static EmulatorResponse Get(RouteContext context) =>
        Find.Field(context) is { } field
            ? EmulatorResponse.Json(200, JsonViews.Field(field))
            : EmulatorResponse.NotFound(NotFoundMessage);

    private static EmulatorResponse Create(RouteContext context)
    {
        if (Find.Entity(context) is not { } entity)
        {
            return EmulatorResponse.NotFound("Entity not found.");
        }

        var input = context.Input();
        var attributes = Read(context, input, entity.Id, existing: null);
        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        var last = context.State.FieldsOf(entity.Id).Select(f => (long?)f.Position).Max();
        var field = new FieldRecord
        {
            Id = context.State.NextFieldId(),
            EntityId = entity.Id,
            Name = attributes.Name!,
            Key = attributes.Key!,
            Type = attributes.Type!,
            Options = attributes.Options,
            Required = attributes.Required ?? false,
            Position = attributes.Position ?? (last is null ? 0 : last.Value + 1),
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
        };
        context.State.Fields.Add(field.Id, field);
        return EmulatorResponse.Json(201, JsonViews.Field(field));
    }

    private static EmulatorResponse Update(RouteContext context)
    {
        if (Find.Field(context) is not { } field)
        {
            return EmulatorResponse.NotFound(NotFoundMessage);
        }

        var input = context.Input();
        var attributes = Read(context, input, field.EntityId, field);
        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        field.Name = attributes.Name ?? field.Name;
        field.Key = attributes.Key ?? field.Key;
        field.Type = attributes.Type ?? field.Type;
        field.Options = input.Has("options") ? attributes.Options : field.Options;
        field.Required = attributes.Required ?? field.Required;
        field.Position = attributes.Position ?? field.Position;
        field.UpdatedAt = context.Now;
        return EmulatorResponse.Json(200, JsonViews.Field(field));
    }

    private static EmulatorResponse Delete(RouteContext context)
    {
        if (Find.Field(context) is not { } field)
        {
            return EmulatorResponse.NotFound(NotFoundMessage);
        }

        // Entries keep the deleted key's values, as documents in the search index would.
        context.State.Fields.Remove(field.Id);
        return EmulatorResponse.NoContent();
    }

    private static FieldAttributes Read(RouteContext context, Input input, long entityId, FieldRecord? existing)
    {
        var creating = existing is null;
        var errors = input.Errors;

        // Other vendor pages and the vendor's CLI call the label "label"; accept it when "name" is absent.
        var nameKey = input.Has("name") || !input.Has("label") ? "name" : "label";
        var name = input.String(nameKey, required: creating || input.Has(nameKey));
        var key = input.String("key", required: creating || input.Has("key"), max: 64);
        if (key is not null)
        {
            if (!KeyPattern().IsMatch(key))
            {
                errors.Format("key");
            }
            else if (context.State.FieldsOf(entityId).Any(f => f.Key == key && f.Id != existing?.Id))
            {
                errors.Taken("key");
            }
        }

        var type = input.String("type", required: creating || input.Has("type"));
        if (type is not null && !FieldTypes.All.Contains(type))
        {
            errors.Invalid("type");
            type = null;
        }

        var options = input.Has("options") ? input.Node("options")?.DeepClone() : existing?.Options;
        var effectiveType = type ?? existing?.Type;
        if (effectiveType is not null && FieldTypes.NeedsOptions(effectiveType))
        {
            ValidateOptions(options, effectiveType, errors);
        }

        var required = input.Boolean("required");
        var position = input.Integer("position", min: 0);
        return new FieldAttributes(name, key, type, options, required, position);
    }

    private static void ValidateOptions(JsonNode? options, string type, ValidationErrors errors)
    {
        if (JsonText.KindOf(options) == JsonValueKind.Null || options is JsonArray { Count: 0 })
        {
            errors.Add("options", $"The options field is required when type is {type}.");
            return;
        }

        if (options is not JsonArray array)
        {
            errors.MustBe("options", "an array");
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var value = JsonText.StringOf(item) ?? JsonText.StringOf((item as JsonObject)?["value"]);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.MustBe($"options.{i}", "a string");
            }
        }
    }

    private sealed record FieldAttributes(string? Name, string? Key, string? Type, JsonNode? Options, bool? Required, long? Position);
}
