using ElasticFunnels.Crm;
using ElasticFunnels.Crm.Diagnostics;
using ElasticFunnels.Crm.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The runtime of one registered client, and what keeps its access key in step with the configuration.
/// It listens to the same change tokens as <see cref="IOptionsMonitor{TOptions}"/> (a configuration reload)
/// and builds the options again through <see cref="IOptionsFactory{TOptions}"/>, validation included, so it
/// sees an invalid reload too: the client then keeps its last valid key and a warning is logged. Only the
/// key is followed; a change to anything else is logged as needing a restart, because a running client's
/// base address, brand, timeouts and resilience are fixed (its circuit breaker, budget and schema cache
/// belong to them).
/// </summary>
internal sealed class CrmOptionsReloader : IDisposable
{
    private static readonly (string Name, Func<ElasticFunnelsCrmOptions, object?> Read)[] FixedSettings =
    [
        (nameof(ElasticFunnelsCrmOptions.BrandId), o => o.BrandId),
        (nameof(ElasticFunnelsCrmOptions.BaseAddress), o => CrmClientRuntime.NormalizeBaseAddress(o.BaseAddress)),
        (nameof(ElasticFunnelsCrmOptions.Timeout), o => o.Timeout),
        (nameof(ElasticFunnelsCrmOptions.AttemptTimeout), o => o.AttemptTimeout),
        (nameof(ElasticFunnelsCrmOptions.MaxResponseContentBytes), o => o.MaxResponseContentBytes),
        (nameof(ElasticFunnelsCrmOptions.ValidateEntryValues), o => o.ValidateEntryValues),
        (nameof(ElasticFunnelsCrmOptions.SchemaCacheDuration), o => o.SchemaCacheDuration),
        ("Retry.MaxRetryAttempts", o => o.Retry.MaxRetryAttempts),
        ("Retry.BaseDelay", o => o.Retry.BaseDelay),
        ("Retry.MaxDelay", o => o.Retry.MaxDelay),
        ("CircuitBreaker.Enabled", o => o.CircuitBreaker.Enabled),
        ("RateLimit.Mode", o => o.RateLimit.Mode),
        ("RateLimit.PermitLimit", o => o.RateLimit.PermitLimit),
        ("RateLimit.Window", o => o.RateLimit.Window),
    ];

    private readonly IOptionsFactory<ElasticFunnelsCrmOptions> _factory;
    private readonly string _optionsName;
    private readonly string _client;
    private readonly IDisposable[] _subscriptions;

    public CrmOptionsReloader(IServiceProvider services, string optionsName, string? serviceKey)
    {
        _optionsName = optionsName;
        _client = serviceKey ?? "(default)";
        _factory = services.GetRequiredService<IOptionsFactory<ElasticFunnelsCrmOptions>>();
        Runtime = CrmClientRuntime.Create(
            services.GetRequiredService<IOptionsMonitor<ElasticFunnelsCrmOptions>>().Get(optionsName),
            services.GetService<TimeProvider>(),
            services.GetService<ILoggerFactory>(),
            sharedStore: services.GetService<CrmRateLimitStore>());

        // A source without a name speaks for the default options, as IOptionsMonitor reads it.
        _subscriptions = [.. services.GetServices<IOptionsChangeTokenSource<ElasticFunnelsCrmOptions>>()
            .Where(source => (source.Name ?? Options.Options.DefaultName) == optionsName)
            .Select(source => ChangeToken.OnChange(source.GetChangeToken, Reload))];
    }

    public CrmClientRuntime Runtime { get; }

    /// <summary>Builds the options again and takes their key, or keeps the last valid one.</summary>
    internal void Reload()
    {
        ElasticFunnelsCrmOptions options;
        try
        {
            options = _factory.Create(_optionsName);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            // A value the binder cannot convert (InvalidOperationException) or options the validator refuses.
            // Neither message holds a key (the key is a string, which always binds, and the validator never
            // quotes it), and Redact removes any key this client has used in case one ever does.
            var problems = ex is OptionsValidationException invalid ? string.Join(" ", invalid.Failures) : ex.Message;
            CrmLog.ReloadedOptionsInvalid(Runtime.Logger, _client, Runtime.Redact(problems));
            return;
        }

        var changed = FixedSettings.Where(s => !Equals(s.Read(options), s.Read(Runtime.Options))).Select(s => s.Name).ToArray();
        if (changed.Length > 0)
        {
            CrmLog.ReloadedOptionsIgnored(Runtime.Logger, _client, string.Join(", ", changed));
        }

        if (Runtime.UseAccessKey(options.AccessKey!))
        {
            CrmLog.AccessKeyRotated(Runtime.Logger, _client);
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
