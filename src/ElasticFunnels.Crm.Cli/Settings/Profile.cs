namespace ElasticFunnels.Crm.Cli.Settings;

/// <summary>One named set of connection settings in the profiles file.</summary>
internal sealed record Profile(string Name, long? BrandId, Uri? BaseAddress, string? AccessKey)
{
    /// <summary>Never shows the key, only whether there is one.</summary>
    public override string ToString() =>
        $"Profile {Name} (brand {BrandId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}, {BaseAddress?.ToString() ?? "default address"}, key {(AccessKey is null ? "unset" : "set")})";
}
