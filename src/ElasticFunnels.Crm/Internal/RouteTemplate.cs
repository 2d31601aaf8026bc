namespace ElasticFunnels.Crm.Internal;

/// <summary>
/// Turns an actual request path into its low-cardinality route template
/// (<c>/api/brands/42/crm/entries/abc</c> → <c>/api/brands/{brand}/crm/entries/{entry}</c>), for error
/// messages and telemetry. The CRM routes are regular: an id follows each collection name.
/// </summary>
internal static class RouteTemplate
{
    private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
    {
        ["brands"] = "{brand}",
        ["entities"] = "{entity}",
        ["pipelines"] = "{pipeline}",
        ["stages"] = "{stage}",
        ["fields"] = "{field}",
        ["entries"] = "{entry}",
    };

    public static string FromPath(string path)
    {
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (Placeholders.TryGetValue(segments[i - 1], out var placeholder)
                && segments[i].Length > 0
                && !(segments[i - 1] == "stages" && segments[i] == "reorder"))
            {
                segments[i] = placeholder;
            }
        }

        return string.Join('/', segments);
    }
}
