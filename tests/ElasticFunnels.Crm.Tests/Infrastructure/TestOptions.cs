namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>Options for a client under test: the canary key, brand 42, and retry delays of milliseconds so fault tests stay fast.</summary>
public static class TestOptions
{
    public static ElasticFunnelsCrmOptions For(Uri baseAddress, Action<ElasticFunnelsCrmOptions>? configure = null)
    {
        var options = new ElasticFunnelsCrmOptions
        {
            AccessKey = CrmStub.AccessKey,
            BrandId = CrmStub.BrandId,
            BaseAddress = baseAddress,
            Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false },
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Every answer reaches the error mapping as it is: no retry, and no request budget queueing a 429 again.</summary>
    public static void NoRetries(ElasticFunnelsCrmOptions options)
    {
        options.Retry.MaxRetryAttempts = 0;
        options.RateLimit.Mode = CrmRateLimitMode.Off;
    }

    public static ElasticFunnelsCrmClient Client(Uri baseAddress, Action<ElasticFunnelsCrmOptions>? configure = null) =>
        new(For(baseAddress, configure));
}
