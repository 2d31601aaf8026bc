using Microsoft.Extensions.Options;

namespace ElasticFunnels.Crm;

/// <summary>
/// Validates <see cref="ElasticFunnelsCrmOptions"/> with messages that say what to fix. Used at
/// start-up with dependency injection and by the client's constructors without it.
/// </summary>
public sealed class ElasticFunnelsCrmOptionsValidator : IValidateOptions<ElasticFunnelsCrmOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ElasticFunnelsCrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = GetFailures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Lists what is wrong with the options; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One sentence per problem.</returns>
    public static IReadOnlyList<string> GetFailures(ElasticFunnelsCrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AccessKey))
        {
            failures.Add("ElasticFunnelsCrmOptions.AccessKey is missing: set it to the API key from your ElasticFunnels account (configuration key ElasticFunnels:Crm:AccessKey).");
        }
        else if (options.AccessKey.Any(c => char.IsControl(c) || c > '\u007e'))
        {
            failures.Add("ElasticFunnelsCrmOptions.AccessKey contains characters that cannot be sent in an HTTP header (control or non-ASCII characters); copy the key again without spaces or line breaks.");
        }

        if (options.BrandId <= 0)
        {
            failures.Add($"ElasticFunnelsCrmOptions.BrandId must be greater than zero (was {options.BrandId}): set it to the numeric id of the brand (project) the key belongs to.");
        }

        var address = options.BaseAddress;
        if (address is null)
        {
            failures.Add("ElasticFunnelsCrmOptions.BaseAddress is missing: leave it at its default https://app.elasticfunnels.io/api/ or set an absolute URL.");
        }
        else if (!address.IsAbsoluteUri)
        {
            failures.Add($"ElasticFunnelsCrmOptions.BaseAddress must be an absolute URL such as https://app.elasticfunnels.io/api/ (was '{address}').");
        }
        else if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback)
        {
            failures.Add($"ElasticFunnelsCrmOptions.BaseAddress must use https for a host that is not loopback (was {address.Scheme}://{address.Authority}); http would send the access key in clear text.");
        }
        else if (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"ElasticFunnelsCrmOptions.BaseAddress must be an http(s) URL (was scheme '{address.Scheme}').");
        }
        else if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment) || !string.IsNullOrEmpty(address.UserInfo))
        {
            failures.Add("ElasticFunnelsCrmOptions.BaseAddress must not carry a query, fragment or user info.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add($"ElasticFunnelsCrmOptions.Timeout must be positive (was {options.Timeout}).");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add($"ElasticFunnelsCrmOptions.AttemptTimeout must be positive (was {options.AttemptTimeout}).");
        }

        if (options.MaxResponseContentBytes <= 0)
        {
            failures.Add($"ElasticFunnelsCrmOptions.MaxResponseContentBytes must be positive (was {options.MaxResponseContentBytes}).");
        }

        if (options.SchemaCacheDuration < TimeSpan.Zero && options.SchemaCacheDuration != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add($"ElasticFunnelsCrmOptions.SchemaCacheDuration must not be negative (was {options.SchemaCacheDuration}); use Timeout.InfiniteTimeSpan to keep schemas until they are invalidated.");
        }

        return failures;
    }
}
