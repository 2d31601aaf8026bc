using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ElasticFunnels.Crm.RateLimiting;
using Polly;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Everything one client's calls share: its checked settings (the base address normalised here, once),
/// the clock, the logger, the error factory, the resilience pipeline (one per client, so the circuit
/// breaker keeps its state however often IHttpClientFactory rebuilds the handlers) and the current
/// <see cref="CrmCredential"/>, which <see cref="UseAccessKey"/> replaces when the key is rotated. Built the
/// same way for a client made with a constructor, one registered with dependency injection and one made
/// by <see cref="ElasticFunnelsCrmClientFactory"/>.
/// </summary>
internal sealed class CrmClientRuntime
{
    // Every key this client has sent, newest first: an error body may echo the key of a call that started
    // before a rotation. A handful is plenty; rotations are rare.
    private const int RememberedKeys = 4;

    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _resilience;
    private readonly CrmRateLimitStore? _sharedStore;
    private readonly Lock _rotation = new();
    private CrmCredential _credential;
    private string[] _keys;

    private CrmClientRuntime(ElasticFunnelsCrmOptions options, string accessKey, TimeProvider timeProvider, ILoggerFactory? loggerFactory, ArrayPool<byte> bufferPool, CrmRateLimitStore? sharedStore)
    {
        Options = options;
        TimeProvider = timeProvider;
        LoggerFactory = loggerFactory;
        Logger = loggerFactory?.CreateLogger(ElasticFunnelsCrmTelemetry.LoggerCategory) ?? NullLogger.Instance;
        BufferPool = bufferPool;
        BasePath = options.BaseAddress.AbsolutePath;
        _sharedStore = sharedStore;
        _keys = [accessKey];
        _credential = NewCredential(accessKey);
        Errors = new ApiErrorFactory(Redact, timeProvider);
        DefaultCallSettings = CrmCallSettings.Default(options);
        _resilience = new(() => CrmResiliencePipeline.Build(this));
    }

    /// <summary>
    /// The client's options: checked, copied, with the base address normalised. Their <see cref="ElasticFunnelsCrmOptions.AccessKey"/>
    /// is cleared: <see cref="Credential"/> is the one place the key lives.
    /// </summary>
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

    /// <summary>The key the next call starts with, and its request budget.</summary>
    public CrmCredential Credential => Volatile.Read(ref _credential);

    /// <summary>
    /// Makes <paramref name="accessKey"/> the key of every call that starts from now on; calls already
    /// running keep theirs. The new key gets its own request budget.
    /// </summary>
    /// <param name="accessKey">The new key, already checked.</param>
    /// <returns>False when it is the key in use already.</returns>
    public bool UseAccessKey(string accessKey)
    {
        lock (_rotation)
        {
            if (string.Equals(_credential.AccessKey, accessKey, StringComparison.Ordinal))
            {
                return false;
            }

            _keys = [accessKey, .. _keys.Where(k => !string.Equals(k, accessKey, StringComparison.Ordinal)).Take(RememberedKeys - 1)];
            Volatile.Write(ref _credential, NewCredential(accessKey));
            return true;
        }
    }

    /// <summary>Replaces every key this client has used (the current one and a few before it) with <c>***</c>.</summary>
    public string Redact(string text)
    {
        foreach (var key in Volatile.Read(ref _keys))
        {
            text = text.Replace(key, "***", StringComparison.Ordinal);
        }

        return text;
    }

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
        copy.BaseAddress = NormalizeBaseAddress(options.BaseAddress);
        copy.AccessKey = null;
        return new CrmClientRuntime(copy, options.AccessKey!, timeProvider ?? TimeProvider.System, loggerFactory, bufferPool ?? ArrayPool<byte>.Shared, sharedStore);
    }

    /// <summary>The base address without query or fragment, ending with exactly one slash.</summary>
    public static Uri NormalizeBaseAddress(Uri baseAddress) =>
        new(baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");

    private CrmCredential NewCredential(string accessKey) =>
        new(accessKey, Options.RateLimit.Mode == CrmRateLimitMode.Off ? null : new BudgetGate(
            BudgetId.For(Options.BaseAddress, accessKey),
            CrmRateLimitPolicy.From(Options.RateLimit),
            Options.RateLimit.GetStore() ?? _sharedStore,
            TimeProvider,
            Logger));
}
