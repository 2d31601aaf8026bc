namespace ElasticFunnels.Crm.Serialization;

/// <summary>Property names under which the vendor wraps a single object or a list.</summary>
internal static class WrapperNames
{
    // A wrapped object never has its own "id", so an object with "id" is always read as bare:
    // that keeps a resource that happens to have a "data" property from being mistaken for a wrapper.
    public static readonly HashSet<string> Single = new(StringComparer.Ordinal)
    {
        "data", "entity", "pipeline", "stage", "field", "entry", "preset", "item", "result",
    };

    public static readonly HashSet<string> List = new(StringComparer.Ordinal)
    {
        "data", "entities", "pipelines", "stages", "fields", "entries", "presets", "items", "results",
    };
}
