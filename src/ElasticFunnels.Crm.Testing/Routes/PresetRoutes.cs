using System.Text.Json.Nodes;

namespace ElasticFunnels.Crm.Testing;

/// <summary><c>GET entity-presets</c>.</summary>
internal static class PresetRoutes
{
    public static void Register(Router router) => router.Add("GET", "entity-presets", List);

    private static EmulatorResponse List(RouteContext context)
    {
        var presets = new JsonArray();
        foreach (var preset in PresetCatalog.All)
        {
            presets.Add(new JsonObject
            {
                ["key"] = preset.Key,
                ["label"] = preset.Label,
                ["description"] = preset.Description,
            });
        }

        return EmulatorResponse.Json(200, new JsonObject { ["presets"] = presets });
    }
}
