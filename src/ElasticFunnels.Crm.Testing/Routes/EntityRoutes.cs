using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ElasticFunnels.Crm.Testing;

/// <summary>Entity list, get, create, update and delete.</summary>
internal static partial class EntityRoutes
{
    public static void Register(Router router)
    {
        router.Add("GET", "entities", List);
        router.Add("POST", "entities", Create);
        router.Add("GET", "entities/{entity}", Get);
        router.Add("PUT", "entities/{entity}", Update);
        router.Add("DELETE", "entities/{entity}", Delete);
    }

    [GeneratedRegex("^[a-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    private static EmulatorResponse List(RouteContext context) =>
        EmulatorResponse.Json(200, new JsonArray([.. context.State.Entities.Values.Select(e => JsonViews.EntitySummary(context.State, e, context.BrandId))]));

    private static EmulatorResponse Get(RouteContext context) =>
        Find.Entity(context) is { } entity
            ? EmulatorResponse.Json(200, JsonViews.EntityDetail(context.State, entity, context.BrandId))
            : EmulatorResponse.NotFound("Entity not found.");

    private static EmulatorResponse Create(RouteContext context)
    {
        var input = context.Input();
        var attributes = Read(context, input, existing: null);
        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        var preset = attributes.Preset is null ? null : PresetCatalog.Find(attributes.Preset);
        var entity = new EntityRecord
        {
            Id = context.State.NextEntityId(),
            Name = attributes.Name!,
            Slug = attributes.Slug!,
            SingularName = attributes.SingularName ?? preset?.SingularName,
            PluralName = attributes.PluralName ?? preset?.PluralName,
            Icon = attributes.Icon ?? preset?.Icon,
            Color = attributes.Color ?? preset?.Color,
            Mode = attributes.Mode ?? EntityModes.Crm,
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
        };
        context.State.Entities.Add(entity.Id, entity);
        if (preset is not null)
        {
            PresetCatalog.Apply(context.State, entity, preset, context.Now);
        }

        return EmulatorResponse.Json(201, JsonViews.Entity(entity, context.BrandId));
    }

    private static EmulatorResponse Update(RouteContext context)
    {
        if (Find.Entity(context) is not { } entity)
        {
            return EmulatorResponse.NotFound("Entity not found.");
        }

        var input = context.Input();
        var attributes = Read(context, input, entity);
        if (input.Errors.Any)
        {
            return input.Errors.ToResponse();
        }

        // A preset on update is validated but not applied: re-seeding an existing entity would duplicate its schema.
        entity.Name = attributes.Name ?? entity.Name;
        entity.Slug = attributes.Slug ?? entity.Slug;
        entity.SingularName = input.Has("singular_name") ? attributes.SingularName : entity.SingularName;
        entity.PluralName = input.Has("plural_name") ? attributes.PluralName : entity.PluralName;
        entity.Icon = input.Has("icon") ? attributes.Icon : entity.Icon;
        entity.Color = input.Has("color") ? attributes.Color : entity.Color;
        entity.UpdatedAt = context.Now;
        return EmulatorResponse.Json(200, JsonViews.Entity(entity, context.BrandId));
    }

    private static EmulatorResponse Delete(RouteContext context)
    {
        if (Find.Entity(context) is not { } entity)
        {
            return EmulatorResponse.NotFound("Entity not found.");
        }

        context.State.RemoveEntity(entity.Id);
        return EmulatorResponse.NoContent();
    }

    private static EntityAttributes Read(RouteContext context, Input input, EntityRecord? existing)
    {
        var creating = existing is null;
        var errors = input.Errors;
        var name = input.String("name", required: creating || input.Has("name"));
        var slug = input.String("slug", required: creating || input.Has("slug"));
        if (slug is not null)
        {
            if (!SlugPattern().IsMatch(slug))
            {
                errors.Format("slug");
            }
            else if (context.State.Entities.Values.Any(e => e.Slug == slug && e.Id != existing?.Id))
            {
                errors.Taken("slug");
            }
        }

        var singular = input.String("singular_name");
        var plural = input.String("plural_name");
        var icon = input.String("icon", max: 64);
        var color = input.String("color", max: 64);
        var preset = input.String("preset");
        if (preset is not null && PresetCatalog.Find(preset) is null)
        {
            errors.Invalid("preset");
        }

        // Clients send either spelling; entity_mode wins when both are present.
        var modeKey = input.Has("entity_mode") ? "entity_mode" : "mode";
        var mode = input.String(modeKey);
        if (mode is not null and not (EntityModes.Crm or EntityModes.Data))
        {
            errors.Invalid(modeKey);
        }
        else if (mode is not null && existing is not null && mode != existing.Mode)
        {
            errors.Add(modeKey, "The entity mode cannot be changed once the entity exists.");
        }

        return new EntityAttributes(name, slug, singular, plural, icon, color, preset, mode);
    }

    private sealed record EntityAttributes(
        string? Name,
        string? Slug,
        string? SingularName,
        string? PluralName,
        string? Icon,
        string? Color,
        string? Preset,
        string? Mode);
}
