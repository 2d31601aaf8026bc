using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ElasticFunnels.Crm.Tests.Http;

public sealed class ResilienceOptionsValidationTests
{
    private static ElasticFunnelsCrmOptions Valid() => new() { AccessKey = "k", BrandId = 42 };

    public static TheoryData<string, string> Invalid() => new()
    {
        { "Timeout=0", "ElasticFunnelsCrmOptions.Timeout must be between 10 ms and 24 hours, or Timeout.InfiniteTimeSpan for none (was 00:00:00)." },
        { "Timeout=2d", "ElasticFunnelsCrmOptions.Timeout must be between 10 ms and 24 hours, or Timeout.InfiniteTimeSpan for none (was 2.00:00:00)." },
        { "AttemptTimeout=5ms", "ElasticFunnelsCrmOptions.AttemptTimeout must be between 10 ms and 24 hours (was 00:00:00.0050000)." },
        { "MaxResponseContentBytes=3GB", "ElasticFunnelsCrmOptions.MaxResponseContentBytes must be between 1 and 2147483647 bytes (was 3000000000)." },
        { "Retry=null", "ElasticFunnelsCrmOptions.Retry is null: leave it at its default, or set MaxRetryAttempts = 0 to turn retries off." },
        { "MaxRetryAttempts=-1", "ElasticFunnelsCrmOptions.Retry.MaxRetryAttempts must be between 0 (no retries) and 100 (was -1)." },
        { "BaseDelay=-1s", "ElasticFunnelsCrmOptions.Retry.BaseDelay must be between 0 and 24 hours (was -00:00:01)." },
        { "MaxDelay<BaseDelay", "ElasticFunnelsCrmOptions.Retry.MaxDelay must be at least BaseDelay (00:00:01) and at most 24 hours (was 00:00:00.5000000)." },
        { "MaxRetryAfter=-1s", "ElasticFunnelsCrmOptions.Retry.MaxRetryAfter must be between 0 (never wait for Retry-After) and 24 hours (was -00:00:01)." },
        { "CircuitBreaker=null", "ElasticFunnelsCrmOptions.CircuitBreaker is null: leave it at its default, or set Enabled = false to turn it off." },
        { "FailureRatio=0", "ElasticFunnelsCrmOptions.CircuitBreaker.FailureRatio must be greater than 0 and at most 1, e.g. 0.5 for half of the calls (was 0)." },
        { "FailureRatio=1.5", "ElasticFunnelsCrmOptions.CircuitBreaker.FailureRatio must be greater than 0 and at most 1, e.g. 0.5 for half of the calls (was 1.5)." },
        { "MinimumThroughput=1", "ElasticFunnelsCrmOptions.CircuitBreaker.MinimumThroughput must be at least 2 (was 1)." },
        { "SamplingDuration=100ms", "ElasticFunnelsCrmOptions.CircuitBreaker.SamplingDuration must be between 0.5 seconds and 24 hours (was 00:00:00.1000000)." },
        { "BreakDuration=0", "ElasticFunnelsCrmOptions.CircuitBreaker.BreakDuration must be between 0.5 seconds and 24 hours (was 00:00:00)." },
    };

    private static void Apply(string setting, ElasticFunnelsCrmOptions o)
    {
        switch (setting)
        {
            case "Timeout=0": o.Timeout = TimeSpan.Zero; o.AttemptTimeout = TimeSpan.FromSeconds(1); break;
            case "Timeout=2d": o.Timeout = TimeSpan.FromDays(2); break;
            case "AttemptTimeout=5ms": o.AttemptTimeout = TimeSpan.FromMilliseconds(5); break;
            case "MaxResponseContentBytes=3GB": o.MaxResponseContentBytes = 3_000_000_000; break;
            case "Retry=null": o.Retry = null!; break;
            case "MaxRetryAttempts=-1": o.Retry.MaxRetryAttempts = -1; break;
            case "BaseDelay=-1s": o.Retry.BaseDelay = TimeSpan.FromSeconds(-1); o.Retry.MaxDelay = TimeSpan.FromSeconds(1); break;
            case "MaxDelay<BaseDelay": o.Retry.MaxDelay = TimeSpan.FromMilliseconds(500); break;
            case "MaxRetryAfter=-1s": o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(-1); break;
            case "CircuitBreaker=null": o.CircuitBreaker = null!; break;
            case "FailureRatio=0": o.CircuitBreaker.FailureRatio = 0; break;
            case "FailureRatio=1.5": o.CircuitBreaker.FailureRatio = 1.5; break;
            case "MinimumThroughput=1": o.CircuitBreaker.MinimumThroughput = 1; break;
            case "SamplingDuration=100ms": o.CircuitBreaker.SamplingDuration = TimeSpan.FromMilliseconds(100); break;
            default: o.CircuitBreaker.BreakDuration = TimeSpan.Zero; break;
        }
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void GetFailures_InvalidResilienceSetting_SaysWhatToFix(string setting, string expected)
    {
        var options = Valid();
        Apply(setting, options);

        Assert.Equal([expected], ElasticFunnelsCrmOptionsValidator.GetFailures(options));
    }

    [Fact]
    public void GetFailures_Defaults_AreValid()
    {
        Assert.Empty(ElasticFunnelsCrmOptionsValidator.GetFailures(Valid()));
    }

    [Fact]
    public void GetFailures_BreakerOffAndNoRetries_ValidWhateverTheBreakerValues()
    {
        var options = Valid();
        options.Retry.MaxRetryAttempts = 0;
        options.CircuitBreaker.Enabled = false;
        options.CircuitBreaker.MinimumThroughput = 0;
        options.Timeout = Timeout.InfiniteTimeSpan;

        Assert.Empty(ElasticFunnelsCrmOptionsValidator.GetFailures(options));
    }

    [Fact]
    public void Constructor_InvalidRetrySettings_ArgumentExceptionListingEachProblem()
    {
        var options = Valid();
        options.Retry.MaxRetryAttempts = 1000;
        options.CircuitBreaker.FailureRatio = -1;

        var ex = Assert.Throws<ArgumentException>(() => new ElasticFunnelsCrmClient(options));

        Assert.Contains("Retry.MaxRetryAttempts must be between 0 (no retries) and 100 (was 1000).", ex.Message);
        Assert.Contains("CircuitBreaker.FailureRatio must be greater than 0", ex.Message);
    }

    [Fact]
    public void AddElasticFunnelsCrm_InvalidBreakerSetting_FailsAtResolutionWithTheSameMessage()
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = "k";
            o.BrandId = 42;
            o.CircuitBreaker.MinimumThroughput = 1;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IElasticFunnelsCrmClient>());

        Assert.Contains("ElasticFunnelsCrmOptions.CircuitBreaker.MinimumThroughput must be at least 2 (was 1).", ex.Message);
    }
}
