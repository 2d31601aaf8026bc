using Microsoft.Extensions.Options;

namespace ElasticFunnels.Crm;

/// <summary>
/// Validates <see cref="ElasticFunnelsCrmOptions"/> with messages that say what to fix. Used at
/// start-up with dependency injection and by the client's constructors without it.
/// </summary>
/// <remarks>
/// With dependency injection each message names the client (its service key, or that it is the unkeyed one) and
/// the setting as it was given: the configuration path that was bound (e.g. <c>Brands:B:AccessKey</c>), or the
/// property (e.g. <c>ElasticFunnelsCrmOptions.AccessKey</c>) when the options were set in code. No message ever
/// contains the access key.
/// </remarks>
public sealed class ElasticFunnelsCrmOptionsValidator : IValidateOptions<ElasticFunnelsCrmOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinBreakerWindow = TimeSpan.FromMilliseconds(500);

    private readonly CrmOptionsSource[] _sources;

    /// <summary>Creates a validator that names each setting by its property, e.g. <c>ElasticFunnelsCrmOptions.AccessKey</c>.</summary>
    public ElasticFunnelsCrmOptionsValidator()
        : this([])
    {
    }

    /// <summary>Creates the validator the SDK registers: it knows which client each options name belongs to and where its settings came from.</summary>
    internal ElasticFunnelsCrmOptionsValidator(IEnumerable<CrmOptionsSource> sources) => _sources = [.. sources];

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ElasticFunnelsCrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Check(options);
        if (problems.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var optionsName = name ?? Options.DefaultName;
        var source = CrmOptionsSource.For(optionsName, _sources);
        return ValidateOptionsResult.Fail(problems.Select(p => source is null ? Unregistered(optionsName, p) : source.Describe(p)));
    }

    /// <summary>Lists what is wrong with the options; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <returns>One sentence per problem, naming the property, e.g. <c>ElasticFunnelsCrmOptions.BrandId must be greater than zero (was 0): ...</c>.</returns>
    public static IReadOnlyList<string> GetFailures(ElasticFunnelsCrmOptions options) =>
        [.. Check(options).Select(p => p.Describe("ElasticFunnelsCrmOptions."))];

    /// <summary>What is wrong with the options, each problem with the property it concerns, so every caller can name it its own way.</summary>
    internal static List<OptionsProblem> Check(ElasticFunnelsCrmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<OptionsProblem>();
        if (string.IsNullOrWhiteSpace(options.AccessKey))
        {
            failures.Add(new("AccessKey", "is missing: set it to the API key from your ElasticFunnels account.", Missing: true));
        }
        else if (options.AccessKey.Any(c => char.IsControl(c) || c > '\u007e'))
        {
            failures.Add(new("AccessKey", "contains characters that cannot be sent in an HTTP header (control or non-ASCII characters); copy the key again without spaces or line breaks."));
        }

        if (options.BrandId <= 0)
        {
            failures.Add(new("BrandId", $"must be greater than zero (was {options.BrandId}): set it to the numeric id of the brand (project) the key belongs to."));
        }

        var address = options.BaseAddress;
        if (address is null)
        {
            failures.Add(new("BaseAddress", "is missing: leave it at its default https://app.elasticfunnels.io/api/ or set an absolute URL.", Missing: true));
        }
        else if (!address.IsAbsoluteUri)
        {
            failures.Add(new("BaseAddress", $"must be an absolute URL such as https://app.elasticfunnels.io/api/ (was '{address}')."));
        }
        else if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback)
        {
            failures.Add(new("BaseAddress", $"must use https for a host that is not loopback (was {address.Scheme}://{address.Authority}); http would send the access key in clear text."));
        }
        else if (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add(new("BaseAddress", $"must be an http(s) URL (was scheme '{address.Scheme}')."));
        }
        else if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment) || !string.IsNullOrEmpty(address.UserInfo))
        {
            failures.Add(new("BaseAddress", "must not carry a query, fragment or user info."));
        }

        if (options.Timeout != System.Threading.Timeout.InfiniteTimeSpan && (options.Timeout < MinTimeout || options.Timeout > MaxTimeout))
        {
            failures.Add(new("Timeout", $"must be between 10 ms and 24 hours, or Timeout.InfiniteTimeSpan for none (was {options.Timeout})."));
        }

        if (options.AttemptTimeout < MinTimeout || options.AttemptTimeout > MaxTimeout)
        {
            failures.Add(new("AttemptTimeout", $"must be between 10 ms and 24 hours (was {options.AttemptTimeout})."));
        }

        if (options.MaxResponseContentBytes is <= 0 or > int.MaxValue)
        {
            failures.Add(new("MaxResponseContentBytes", $"must be between 1 and {int.MaxValue} bytes (was {options.MaxResponseContentBytes})."));
        }

        if (options.SchemaCacheDuration < TimeSpan.Zero && options.SchemaCacheDuration != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add(new("SchemaCacheDuration", $"must not be negative (was {options.SchemaCacheDuration}); use Timeout.InfiniteTimeSpan to keep schemas until they are invalidated."));
        }

        AddRetryFailures(options.Retry, failures);
        AddCircuitBreakerFailures(options.CircuitBreaker, failures);
        AddRateLimitFailures(options.RateLimit, failures);
        return failures;
    }

    private static string Unregistered(string optionsName, OptionsProblem problem) =>
        optionsName.Length == 0
            ? problem.Describe("ElasticFunnelsCrmOptions.")
            : $"ElasticFunnelsCrmOptions named '{optionsName}': {problem.Describe(string.Empty)}";

    private static void AddRetryFailures(CrmRetryOptions? retry, List<OptionsProblem> failures)
    {
        if (retry is null)
        {
            failures.Add(new("Retry", "is null: leave it at its default, or set MaxRetryAttempts = 0 to turn retries off."));
            return;
        }

        if (retry.MaxRetryAttempts is < 0 or > 100)
        {
            failures.Add(new("Retry.MaxRetryAttempts", $"must be between 0 (no retries) and 100 (was {retry.MaxRetryAttempts})."));
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > MaxTimeout)
        {
            failures.Add(new("Retry.BaseDelay", $"must be between 0 and 24 hours (was {retry.BaseDelay})."));
        }

        if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > MaxTimeout)
        {
            failures.Add(new("Retry.MaxDelay", $"must be at least BaseDelay ({retry.BaseDelay}) and at most 24 hours (was {retry.MaxDelay})."));
        }

        if (retry.MaxRetryAfter < TimeSpan.Zero || retry.MaxRetryAfter > MaxTimeout)
        {
            failures.Add(new("Retry.MaxRetryAfter", $"must be between 0 (never wait for Retry-After) and 24 hours (was {retry.MaxRetryAfter})."));
        }
    }

    private static void AddCircuitBreakerFailures(CrmCircuitBreakerOptions? breaker, List<OptionsProblem> failures)
    {
        if (breaker is null)
        {
            failures.Add(new("CircuitBreaker", "is null: leave it at its default, or set Enabled = false to turn it off."));
            return;
        }

        if (!breaker.Enabled)
        {
            return;
        }

        if (!(breaker.FailureRatio > 0 && breaker.FailureRatio <= 1))
        {
            failures.Add(new("CircuitBreaker.FailureRatio", $"must be greater than 0 and at most 1, e.g. 0.5 for half of the calls (was {breaker.FailureRatio})."));
        }

        if (breaker.MinimumThroughput < 2)
        {
            failures.Add(new("CircuitBreaker.MinimumThroughput", $"must be at least 2 (was {breaker.MinimumThroughput})."));
        }

        if (breaker.SamplingDuration < MinBreakerWindow || breaker.SamplingDuration > MaxTimeout)
        {
            failures.Add(new("CircuitBreaker.SamplingDuration", $"must be between 0.5 seconds and 24 hours (was {breaker.SamplingDuration})."));
        }

        if (breaker.BreakDuration < MinBreakerWindow || breaker.BreakDuration > MaxTimeout)
        {
            failures.Add(new("CircuitBreaker.BreakDuration", $"must be between 0.5 seconds and 24 hours (was {breaker.BreakDuration})."));
        }
    }

    private static void AddRateLimitFailures(CrmRateLimitOptions? rateLimit, List<OptionsProblem> failures)
    {
        if (rateLimit is null)
        {
            failures.Add(new("RateLimit", "is null: leave it at its default, or set Mode = Off to turn the request budget off."));
            return;
        }

        if (!Enum.IsDefined(rateLimit.Mode))
        {
            failures.Add(new("RateLimit.Mode", $"must be Adaptive, Fixed or Off (was {(int)rateLimit.Mode})."));
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
                failures.Add(new("RateLimit.PermitLimit", $"must be at least 1 with Mode = Fixed, e.g. 20 for 20 requests per Window (was {rateLimit.PermitLimit})."));
            }

            if (rateLimit.Window < MinTimeout || rateLimit.Window > MaxTimeout)
            {
                failures.Add(new("RateLimit.Window", $"must be between 10 ms and 24 hours, e.g. 00:00:01 or 00:01:00 (was {rateLimit.Window})."));
            }
        }

        if (rateLimit.InitialBackoff < MinTimeout || rateLimit.InitialBackoff > MaxTimeout)
        {
            failures.Add(new("RateLimit.InitialBackoff", $"must be between 10 ms and 24 hours (was {rateLimit.InitialBackoff})."));
        }

        if (rateLimit.MaxBackoff < rateLimit.InitialBackoff || rateLimit.MaxBackoff > MaxTimeout)
        {
            failures.Add(new("RateLimit.MaxBackoff", $"must be at least InitialBackoff ({rateLimit.InitialBackoff}) and at most 24 hours (was {rateLimit.MaxBackoff})."));
        }

        if (rateLimit.QueueLimit < 1)
        {
            failures.Add(new("RateLimit.QueueLimit", $"must be at least 1 (was {rateLimit.QueueLimit})."));
        }
    }
}
