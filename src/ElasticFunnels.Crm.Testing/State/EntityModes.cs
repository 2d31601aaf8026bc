namespace ElasticFunnels.Crm.Testing;

/// <summary>The two documented entity modes.</summary>
internal static class EntityModes
{
    public const string Crm = "crm";

    public const string Data = "data";
}
