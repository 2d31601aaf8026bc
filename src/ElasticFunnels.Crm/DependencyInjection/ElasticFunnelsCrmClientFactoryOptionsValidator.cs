using ElasticFunnels.Crm;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Validates <see cref="ElasticFunnelsCrmClientFactoryOptions"/> at start-up: the cache bound, and the shared
/// defaults by the rules of <see cref="ElasticFunnelsCrmOptionsValidator"/> (with a stand-in brand and key,
/// since those come with each <see cref="IElasticFunnelsCrmClientFactory.GetClient(long, string)"/>).
/// </summary>
internal sealed class ElasticFunnelsCrmClientFactoryOptionsValidator : IValidateOptions<ElasticFunnelsCrmClientFactoryOptions>
{
    public const int MaxCachedClientsLimit = 100_000;

    private const string Prefix = "ElasticFunnelsCrmClientFactoryOptions";

    public ValidateOptionsResult Validate(string? name, ElasticFunnelsCrmClientFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = GetFailures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> GetFailures(ElasticFunnelsCrmClientFactoryOptions options)
    {
        var failures = new List<string>();
        if (options.MaxCachedClients is < 1 or > MaxCachedClientsLimit)
        {
            failures.Add($"{Prefix}.MaxCachedClients must be between 1 and {MaxCachedClientsLimit} (was {options.MaxCachedClients}).");
        }

        if (options.Defaults is not { } defaults)
        {
            failures.Add($"{Prefix}.Defaults is null: leave it at its default or set the settings every tenant shares.");
            return failures;
        }

        if (!string.IsNullOrEmpty(defaults.AccessKey))
        {
            failures.Add($"{Prefix}.Defaults.AccessKey must be left empty: each tenant's key is passed to GetClient(brandId, accessKey).");
        }

        if (defaults.BrandId != 0)
        {
            failures.Add($"{Prefix}.Defaults.BrandId must be left at 0 (was {defaults.BrandId}): each tenant's brand is passed to GetClient(brandId, accessKey).");
        }

        if (defaults.Retry is null || defaults.CircuitBreaker is null || defaults.RateLimit is null)
        {
            failures.Add($"{Prefix}.Defaults.Retry, CircuitBreaker and RateLimit must not be null: leave them at their defaults, or turn each off with its own setting.");
            return failures;
        }

        var probe = defaults.Clone();
        probe.AccessKey = "stand-in";
        probe.BrandId = 1;
        failures.AddRange(ElasticFunnelsCrmOptionsValidator.GetFailures(probe).Select(failure => $"{Prefix}.Defaults: {failure}"));
        return failures;
    }
}
