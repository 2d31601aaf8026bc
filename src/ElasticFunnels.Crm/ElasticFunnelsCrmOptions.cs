namespace ElasticFunnels.Crm;

/// <summary>
/// Settings of an <see cref="ElasticFunnelsCrmClient"/>. Bind them from configuration (the
/// conventional section is <c>ElasticFunnels:Crm</c>) or set them in code; they are validated when
/// the client is created (with dependency injection: at start-up).
/// </summary>
/// <remarks>
/// Defaults: <see cref="BaseAddress"/> <c>https://app.elasticfunnels.io/api/</c>;
/// <see cref="Timeout"/> 100 seconds for a whole call, retries and their waits included (10 ms to 24 hours, or
/// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>); <see cref="AttemptTimeout"/> 30 seconds for one
/// attempt, reading the body included (10 ms to 24 hours, at most <see cref="Timeout"/>);
/// <see cref="MaxResponseContentBytes"/> 16 MiB (at most 2 GiB); <see cref="Retry"/> and <see cref="CircuitBreaker"/>
/// as documented on <see cref="CrmRetryOptions"/> and <see cref="CrmCircuitBreakerOptions"/>. A timeout surfaces as a
/// <see cref="CrmTimeoutException"/>; the caller's own cancellation as an <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class ElasticFunnelsCrmOptions
{
    /// <summary>The configuration section the SDK binds by default: <c>ElasticFunnels:Crm</c>.</summary>
    public const string DefaultSectionName = "ElasticFunnels:Crm";

    /// <summary>The API's public base address: <c>https://app.elasticfunnels.io/api/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://app.elasticfunnels.io/api/");

    /// <summary>
    /// Required. The API key, sent as the <c>EF-Access-Key</c> header and only to <see cref="BaseAddress"/>.
    /// A key belongs to one user and one brand. It never appears in <see cref="ToString"/>, logs or exceptions.
    /// </summary>
    public string? AccessKey { get; set; }

    /// <summary>Required. The brand (project) id that every request path carries; greater than zero.</summary>
    public long BrandId { get; set; }

    /// <summary>
    /// The API base address, with or without the trailing slash. Must be <c>https</c> unless the host
    /// is loopback (an emulator or test server on this machine).
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The most a whole call may take, retries and waits included. Default 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The most one attempt may take, reading the whole body included. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest successful response body the SDK reads; a larger one fails the call with a
    /// <see cref="CrmResponseFormatException"/> without reading the rest. Error bodies are cut at 64 KiB.
    /// Default 16 MiB.
    /// </summary>
    public long MaxResponseContentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Retries: which failures, how often, how long to wait. See <see cref="CrmRetryOptions"/> for the defaults.</summary>
    public CrmRetryOptions Retry { get; set; } = new();

    /// <summary>The circuit breaker. See <see cref="CrmCircuitBreakerOptions"/> for the defaults.</summary>
    public CrmCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>The access key as it may be shown: never the key itself.</summary>
    internal string RedactedKey => string.IsNullOrEmpty(AccessKey) ? "(not set)" : "***";

    /// <summary>Copies these options, so a client is not affected by later changes to the instance it was given.</summary>
    /// <returns>The copy.</returns>
    internal ElasticFunnelsCrmOptions Clone()
    {
        var copy = (ElasticFunnelsCrmOptions)MemberwiseClone();
        copy.Retry = (CrmRetryOptions)Retry.MemberwiseCloneInternal();
        copy.CircuitBreaker = (CrmCircuitBreakerOptions)CircuitBreaker.MemberwiseCloneInternal();
        return copy;
    }

    /// <summary>Describes the options without the access key.</summary>
    /// <returns>A description such as <c>ElasticFunnelsCrmOptions { BrandId = 42, BaseAddress = https://app.elasticfunnels.io/api/, AccessKey = *** }</c>.</returns>
    public override string ToString() =>
        $"ElasticFunnelsCrmOptions {{ BrandId = {BrandId}, BaseAddress = {BaseAddress}, AccessKey = {RedactedKey}, Timeout = {Timeout}, AttemptTimeout = {AttemptTimeout} }}";
}
