using Microsoft.Extensions.Options;

namespace ElasticFunnels.Crm;

/// <summary>
/// Validates <see cref="ElasticFunnelsCrmOptions"/> with messages that say what to fix. Used at
/// start-up with dependency injection and by the client's constructors without it.
/// </summary>
public sealed class ElasticFunnelsCrmOptionsValidator : IValidateOptions<ElasticFunnelsCrmOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinBreakerWindow = TimeSpan.FromMilliseconds(500);

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

        if (options.Timeout != System.Threading.Timeout.InfiniteTimeSpan && (options.Timeout < MinTimeout || options.Timeout > MaxTimeout))
        {
            failures.Add($"ElasticFunnelsCrmOptions.Timeout must be between 10 ms and 24 hours, or Timeout.InfiniteTimeSpan for none (was {options.Timeout}).");
        }

        if (options.AttemptTimeout < MinTimeout || options.AttemptTimeout > MaxTimeout)
        {
            failures.Add($"ElasticFunnelsCrmOptions.AttemptTimeout must be between 10 ms and 24 hours (was {options.AttemptTimeout}).");
        }

        if (options.MaxResponseContentBytes is <= 0 or > int.MaxValue)
        {
            failures.Add($"ElasticFunnelsCrmOptions.MaxResponseContentBytes must be between 1 and {int.MaxValue} bytes (was {options.MaxResponseContentBytes}).");
        }

        if (options.SchemaCacheDuration < TimeSpan.Zero && options.SchemaCacheDuration != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add($"ElasticFunnelsCrmOptions.SchemaCacheDuration must not be negative (was {options.SchemaCacheDuration}); use Timeout.InfiniteTimeSpan to keep schemas until they are invalidated.");
        }

        AddRetryFailures(options.Retry, failures);
        AddCircuitBreakerFailures(options.CircuitBreaker, failures);
        AddRateLimitFailures(options.RateLimit, failures);
        return failures;
    }

    private static void AddRetryFailures(CrmRetryOptions? retry, List<string> failures)
    {
        if (retry is null)
        {
            failures.Add("ElasticFunnelsCrmOptions.Retry is null: leave it at its default, or set MaxRetryAttempts = 0 to turn retries off.");
            return;
        }

        if (retry.MaxRetryAttempts is < 0 or > 100)
        {
            failures.Add($"ElasticFunnelsCrmOptions.Retry.MaxRetryAttempts must be between 0 (no retries) and 100 (was {retry.MaxRetryAttempts}).");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > MaxTimeout)
        {
            failures.Add($"ElasticFunnelsCrmOptions.Retry.BaseDelay must be between 0 and 24 hours (was {retry.BaseDelay}).");
        }

        if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > MaxTimeout)
        {
            failures.Add($"ElasticFunnelsCrmOptions.Retry.MaxDelay must be at least BaseDelay ({retry.BaseDelay}) and at most 24 hours (was {retry.MaxDelay}).");
        }

        if (retry.MaxRetryAfter < TimeSpan.Zero || retry.MaxRetryAfter > MaxTimeout)
        {
            failures.Add($"ElasticFunnelsCrmOptions.Retry.MaxRetryAfter must be between 0 (never wait for Retry-After) and 24 hours (was {retry.MaxRetryAfter}).");
        }
    }

    private static void AddCircuitBreakerFailures(CrmCircuitBreakerOptions? breaker, List<string> failures)
    {
        if (breaker is null)
        {
            failures.Add("ElasticFunnelsCrmOptions.CircuitBreaker is null: leave it at its default, or set Enabled = false to turn it off.");
            return;
        }

        if (!breaker.Enabled)
        {
            return;
        }

        if (!(breaker.FailureRatio > 0 && breaker.FailureRatio <= 1))
        {
            failures.Add($"ElasticFunnelsCrmOptions.CircuitBreaker.FailureRatio must be greater than 0 and at most 1, e.g. 0.5 for half of the calls (was {breaker.FailureRatio}).");
        }

        if (breaker.MinimumThroughput < 2)
        {
            failures.Add($"ElasticFunnelsCrmOptions.CircuitBreaker.MinimumThroughput must be at least 2 (was {breaker.MinimumThroughput}).");
        }

        if (breaker.SamplingDuration < MinBreakerWindow || breaker.SamplingDuration > MaxTimeout)
        {
            failures.Add($"ElasticFunnelsCrmOptions.CircuitBreaker.SamplingDuration must be between 0.5 seconds and 24 hours (was {breaker.SamplingDuration}).");
        }

        if (breaker.BreakDuration < MinBreakerWindow || breaker.BreakDuration > MaxTimeout)
        {
            failures.Add($"ElasticFunnelsCrmOptions.CircuitBreaker.BreakDuration must be between 0.5 seconds and 24 hours (was {breaker.BreakDuration}).");
        }
    }

    private static void AddRateLimitFailures(CrmRateLimitOptions? rateLimit, List<string> failures)
    {
        if (rateLimit is null)
        {
            failures.Add("ElasticFunnelsCrmOptions.RateLimit is null: leave it at its default, or set Mode = Off to turn the request budget off.");
            return;
        }

        if (!Enum.IsDefined(rateLimit.Mode))
        {
            failures.Add($"ElasticFunnelsCrmOptions.RateLimit.Mode must be Adaptive, Fixed or Off (was {(int)rateLimit.Mode}).");
            return;
        }

        if (rateLimit.Mode == CrmRateLimitMode.Off)
        {
            return;
        }

        if (rateLimit.Mode == CrmRateLimitMode.Fixed)
        {
            if (rateLimit.PermitLimit < 1)
            {
                failures.Add($"ElasticFunnelsCrmOptions.RateLimit.PermitLimit must be at least 1 with Mode = Fixed, e.g. 20 for 20 requests per Window (was {rateLimit.PermitLimit}).");
            }

            if (rateLimit.Window < MinTimeout || rateLimit.Window > MaxTimeout)
            {
                failures.Add($"ElasticFunnelsCrmOptions.RateLimit.Window must be between 10 ms and 24 hours, e.g. 00:00:01 or 00:01:00 (was {rateLimit.Window}).");
            }
        }

        if (rateLimit.InitialBackoff < MinTimeout || rateLimit.InitialBackoff > MaxTimeout)
        {
            failures.Add($"ElasticFunnelsCrmOptions.RateLimit.InitialBackoff must be between 10 ms and 24 hours (was {rateLimit.InitialBackoff}).");
        }

        if (rateLimit.MaxBackoff < rateLimit.InitialBackoff || rateLimit.MaxBackoff > MaxTimeout)
        {
            failures.Add($"ElasticFunnelsCrmOptions.RateLimit.MaxBackoff must be at least InitialBackoff ({rateLimit.InitialBackoff}) and at most 24 hours (was {rateLimit.MaxBackoff}).");
        }

        if (rateLimit.QueueLimit < 1)
        {
            failures.Add($"ElasticFunnelsCrmOptions.RateLimit.QueueLimit must be at least 1 (was {rateLimit.QueueLimit}).");
        }
    }
}
