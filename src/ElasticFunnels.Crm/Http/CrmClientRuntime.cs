using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ElasticFunnels.Crm.RateLimiting;
using Polly;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Everything one client's calls share: its checked settings (the base address normalised here, once),
/// the clock, the logger, the error factory and the resilience pipeline (one per client, so the circuit
/// breaker keeps its state however often IHttpClientFactory rebuilds the handlers). Built the same way
/// for a client made with a constructor and for one registered with dependency injection.
/// </summary>
internal sealed class CrmClientRuntime
{
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _resilience;

    private CrmClientRuntime(ElasticFunnelsCrmOptions options, TimeProvider timeProvider, ILoggerFactory? loggerFactory, ArrayPool<byte> bufferPool, CrmRateLimitStore? sharedStore)
    {
        Options = options;
        TimeProvider = timeProvider;
        LoggerFactory = loggerFactory;
        Logger = loggerFactory?.CreateLogger(ElasticFunnelsCrmTelemetry.LoggerCategory) ?? NullLogger.Instance;
        BufferPool = bufferPool;
        BasePath = options.BaseAddress.AbsolutePath;
        var key = options.AccessKey ?? string.Empty;
        Errors = new ApiErrorFactory(text => key.Length == 0 ? text : text.Replace(key, "***", StringComparison.Ordinal));
        DefaultCallSettings = CrmCallSettings.Default(options);
        if (options.RateLimit.Mode != CrmRateLimitMode.Off)
        {
            Budget = new BudgetGate(
                BudgetId.For(options.BaseAddress, key),
                CrmRateLimitPolicy.From(options.RateLimit),
                options.RateLimit.GetStore() ?? sharedStore,
                timeProvider,
                Logger);
        }

        _resilience = new(() => CrmResiliencePipeline.Build(this));
    }

    /// <summary>The client's options: checked, copied, with the base address normalised.</summary>
    public ElasticFunnelsCrmOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The SDK's logger (category <c>ElasticFunnels.Crm</c>).</summary>
    public ILogger Logger { get; }

    /// <summary>Where Polly's resilience events (retries, circuit changes) are logged; null without dependency injection.</summary>
    public ILoggerFactory? LoggerFactory { get; }

    /// <summary>Where response bodies are buffered; <see cref="ArrayPool{T}.Shared"/> except in tests that count rentals.</summary>
    public ArrayPool<byte> BufferPool { get; }

    /// <summary>The path of the base address, e.g. <c>/api/</c>, which route templates are relative to.</summary>
    public string BasePath { get; }

    public ApiErrorFactory Errors { get; }

    public CrmCallSettings DefaultCallSettings { get; }

    public ResiliencePipeline<HttpResponseMessage> Resilience => _resilience.Value;

    /// <summary>The key's request budget, or null when rate limiting is off.</summary>
    public BudgetGate? Budget { get; }

    /// <summary>
    /// Checks <paramref name="options"/>, copies them and normalises the base address to end with exactly
    /// one slash, so <c>.../api</c> and <c>.../api/</c> behave the same.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    /// <param name="options">The client's options.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="loggerFactory">Where to log; nowhere when null.</param>
    /// <param name="bufferPool">Where response bodies are buffered; the shared pool when null.</param>
    /// <param name="sharedStore">A rate-limit store registered with dependency injection, used when the options name none.</param>
    public static CrmClientRuntime Create(ElasticFunnelsCrmOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, ArrayPool<byte>? bufferPool = null, CrmRateLimitStore? sharedStore = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = ElasticFunnelsCrmOptionsValidator.Check(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(OptionsProblem.Describe(problems, property => $"{nameof(options)}.{property}"), nameof(options));
        }

        var copy = options.Clone();
        copy.BaseAddress = new Uri(options.BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        return new CrmClientRuntime(copy, timeProvider ?? TimeProvider.System, loggerFactory, bufferPool ?? ArrayPool<byte>.Shared, sharedStore);
    }
}
