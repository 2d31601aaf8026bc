using System.Text.Json.Serialization;

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
/// attempt, reading the body included (10 ms to 24 hours; <see cref="Timeout"/> still bounds the whole call);
/// <see cref="MaxResponseContentBytes"/> 16 MiB (at most 2 GiB); <see cref="Retry"/> and <see cref="CircuitBreaker"/>
/// as documented on <see cref="CrmRetryOptions"/> and <see cref="CrmCircuitBreakerOptions"/>. A timeout surfaces as a
/// <see cref="CrmTimeoutException"/>; the caller's own cancellation as an <see cref="OperationCanceledException"/>.
/// <see cref="ValidateEntryValues"/> off; <see cref="SchemaCacheDuration"/> 5 minutes.
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
    [JsonIgnore]
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

    /// <summary>The most one attempt may take, reading the whole body included. Default 30 seconds; <see cref="Timeout"/> still bounds the whole call.</summary>
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

    /// <summary>
    /// The request budget shared by every client of the same API origin and key: adaptive by default, a fixed
    /// rate, or off; optionally shared across processes. See <see cref="CrmRateLimitOptions"/> for the defaults.
    /// </summary>
    public CrmRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// Whether entry creates and updates are checked against the entity's custom fields before they are
    /// sent (unknown keys, wrong types, values not among a select's options, required fields missing on
    /// create); a request that fails is not sent and a <see cref="CrmSchemaValidationException"/> lists
    /// every problem. Default <see langword="false"/>: turning it on makes the first create or update of an
    /// entity also send <c>GET .../entities/{entity}/fields</c> (then cached, see <see cref="SchemaCacheDuration"/>).
    /// Each call can override it with <see cref="CrmRequestOptions.ValidateAgainstSchema"/>.
    /// </summary>
    public bool ValidateEntryValues { get; set; }

    /// <summary>
    /// How long a loaded entity schema (its custom fields) is used before it is loaded again. Default 5 minutes;
    /// <see cref="TimeSpan.Zero"/> loads it for every check; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> keeps it
    /// until <see cref="IEntitySchemasClient.Invalidate(long)"/> or <see cref="IEntitySchemasClient.RefreshAsync(long, CancellationToken)"/>.
    /// </summary>
    public TimeSpan SchemaCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The access key as it may be shown: never the key itself.</summary>
    internal string RedactedKey => string.IsNullOrEmpty(AccessKey) ? "(not set)" : "***";

    /// <summary>Copies these options, so a client is not affected by later changes to the instance it was given.</summary>
    /// <returns>The copy.</returns>
    internal ElasticFunnelsCrmOptions Clone()
    {
        var copy = (ElasticFunnelsCrmOptions)MemberwiseClone();
        copy.Retry = (CrmRetryOptions)Retry.MemberwiseCloneInternal();
        copy.CircuitBreaker = (CrmCircuitBreakerOptions)CircuitBreaker.MemberwiseCloneInternal();
        copy.RateLimit = (CrmRateLimitOptions)RateLimit.MemberwiseCloneInternal();
        return copy;
    }

    /// <summary>Describes the options without the access key.</summary>
    /// <returns>A description such as <c>ElasticFunnelsCrmOptions { BrandId = 42, BaseAddress = https://app.elasticfunnels.io/api/, AccessKey = *** }</c>.</returns>
    public override string ToString() =>
        $"ElasticFunnelsCrmOptions {{ BrandId = {BrandId}, BaseAddress = {BaseAddress}, AccessKey = {RedactedKey}, Timeout = {Timeout}, AttemptTimeout = {AttemptTimeout} }}";
}
