using Microsoft.Extensions.Configuration;

namespace ElasticFunnels.Crm;

/// <summary>
/// Where one registration's options come from: which client they belong to (its service key, or none for the
/// unkeyed client) and the configuration section they were bound from, or none when they were set in code.
/// Registered by <c>AddElasticFunnelsCrm</c> and <c>AddKeyedElasticFunnelsCrm</c> so that a start-up error names
/// the client and the setting as the application spelled it.
/// </summary>
/// <param name="OptionsName">The options name: the service key for a keyed client, empty for the unkeyed one.</param>
/// <param name="ServiceKey">The service key of a keyed client; null for the unkeyed one.</param>
/// <param name="SectionPath">The path of the bound configuration section (empty for a configuration root); null when set in code.</param>
/// <param name="Section">The bound section, to tell a value cleared in code from one never configured; null when unknown.</param>
internal sealed record CrmOptionsSource(string OptionsName, string? ServiceKey, string? SectionPath, IConfiguration? Section)
{
    /// <summary>
    /// The source of <paramref name="optionsName"/>: the last registration that bound configuration (it wins for the keys
    /// it holds, as binding does), else the last one set in code; null when the SDK did not register the name.
    /// </summary>
    public static CrmOptionsSource? For(string optionsName, IReadOnlyList<CrmOptionsSource> sources)
    {
        var mine = sources.Where(s => s.OptionsName == optionsName).ToList();
        return mine.LastOrDefault(s => s.SectionPath is not null) ?? mine.LastOrDefault();
    }

    /// <summary>Describes <paramref name="problem"/> naming this client and the setting, e.g.
    /// <c>ElasticFunnels CRM client 'brand-b' (keyed service): Brands:B:AccessKey is missing: ...</c>, or for options set
    /// in code <c>ElasticFunnels CRM client 'brand-b' (keyed service, options set in code): ElasticFunnelsCrmOptions.AccessKey is missing: ...</c>.</summary>
    public string Describe(OptionsProblem problem) => $"{Client}: {Setting(problem)}";

    private string Client => (ServiceKey is null ? "ElasticFunnels CRM client (the unkeyed IElasticFunnelsCrmClient" : $"ElasticFunnels CRM client '{ServiceKey}' (keyed service")
        + (SectionPath is null ? ", options set in code)" : ")");

    private string Setting(OptionsProblem problem)
    {
        var property = "ElasticFunnelsCrmOptions." + problem.Property;
        if (SectionPath is null)
        {
            return $"{property} {problem.Text}";
        }

        var key = problem.Property.Replace('.', ':');
        var path = SectionPath.Length == 0 ? key : $"{SectionPath}:{key}";
        if (problem.Missing && !string.IsNullOrWhiteSpace(Section?[key]))
        {
            // The configuration has a value, so code that ran after binding emptied it.
            return $"{property} is missing although {path} is set in configuration: a Configure or PostConfigure of ElasticFunnelsCrmOptions{Named} cleared it.";
        }

        return $"{path} {problem.Text}";
    }

    private string Named => OptionsName.Length == 0 ? string.Empty : $" named '{OptionsName}'";
}
