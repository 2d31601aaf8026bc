using System.CommandLine;

namespace ElasticFunnels.Crm.Cli.App;

/// <summary>Options every command accepts (they are recursive: <c>efcrm entries list --json</c>).</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON for scripts instead of tables (shapes are documented and stable).",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Say where settings came from and print every API call (method, path, status, time). Never the key.",
        Recursive = true,
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Use this saved profile (default: EF_PROFILE, else the EF_* variables, else the profile named 'default').",
        Recursive = true,
    };

    public Option<long?> Brand { get; } = new("--brand")
    {
        Description = "Brand id (overrides EF_BRAND_ID and the profile).",
        Recursive = true,
    };

    public Option<string?> BaseUrl { get; } = new("--base-url")
    {
        Description = "API base address, e.g. https://app.elasticfunnels.io/api/ (overrides EF_BASE_URL and the profile).",
        Recursive = true,
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "Access key. Avoid it: shells keep history. Prefer EF_ACCESS_KEY or `efcrm profile set`.",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Add(Json);
        root.Add(Verbose);
        root.Add(Profile);
        root.Add(Brand);
        root.Add(BaseUrl);
        root.Add(Key);
    }
}
