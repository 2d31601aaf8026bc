namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// One method + path template under <c>/api/brands/{brand}/crm/</c>. Parameters named <c>{entry}</c>
/// take any segment (entry ids are opaque strings); all others must be digits, as Laravel's
/// <c>whereNumber</c> constraint would demand, so a literal like <c>stages/reorder</c> never binds as an id.
/// </summary>
internal sealed class Route
{
    private readonly string[] segments;

    public Route(string method, string template, RouteHandler handler)
    {
        Method = method;
        Template = template;
        Handler = handler;
        segments = template.Split('/');
    }

    public string Method { get; }

    public string Template { get; }

    public RouteHandler Handler { get; }

    public bool TryMatch(string method, IReadOnlyList<string> path, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.Equals(method, Method, StringComparison.Ordinal) || path.Count != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var template = segments[i];
            if (template.StartsWith('{'))
            {
                var name = template[1..^1];
                if (name != "entry" && !IsId(path[i]))
                {
                    return false;
                }

                values[name] = path[i];
            }
            else if (!string.Equals(template, path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsId(string segment) =>
        segment.Length is > 0 and <= 18 && segment.All(char.IsAsciiDigit);
}
