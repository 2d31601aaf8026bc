namespace ElasticFunnels.Crm.Testing;

/// <summary>Ordered route table: the first match wins, so literal routes are registered before parameterised ones.</summary>
internal sealed class Router
{
    private readonly List<Route> routes = [];

    public void Add(string method, string template, RouteHandler handler) => routes.Add(new Route(method, template, handler));

    public Route? Match(string method, IReadOnlyList<string> path, out Dictionary<string, string> values)
    {
        foreach (var route in routes)
        {
            if (route.TryMatch(method, path, out values))
            {
                return route;
            }
        }

        values = [];
        return null;
    }

    /// <summary>The 32 documented routes.</summary>
    public static Router CreateCrm()
    {
        var router = new Router();
        PresetRoutes.Register(router);
        EntityRoutes.Register(router);
        PipelineRoutes.Register(router);
        StageRoutes.Register(router);
        FieldRoutes.Register(router);
        EntryRoutes.Register(router);
        return router;
    }
}
