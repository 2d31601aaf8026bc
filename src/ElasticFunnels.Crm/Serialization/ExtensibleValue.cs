namespace ElasticFunnels.Crm.Serialization;

/// <summary>Shared rules for the SDK's extensible string types (field type, entity mode, stage status).</summary>
internal static class ExtensibleValue
{
    /// <summary>Trims and lower-cases a wire value so that <c>"Select"</c> and <c>"select"</c> compare equal.</summary>
    public static string Normalize(string value) => value.Trim().ToLowerInvariant();
}
