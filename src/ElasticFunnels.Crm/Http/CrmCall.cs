namespace ElasticFunnels.Crm.Http;

/// <summary>
/// One call of the SDK as it travels down the HTTP pipeline: which operation it is, the settings it
/// runs with (the client's, overridden by <see cref="CrmRequestOptions"/>), and what the transport saw
/// of it (attempts, the request sent). Refit puts it on the request (<see cref="HttpRequestMessage.Options"/>,
/// through a <c>[Property]</c> parameter), so the handlers and the resilience pipeline read it there and
/// the call runner reads it back: nothing travels on the side.
/// </summary>
internal sealed class CrmCall
{
    /// <summary>The name Refit's <c>[Property]</c> parameters use; the handlers read the call under <see cref="OptionKey"/>.</summary>
    public const string OptionName = "ElasticFunnels.Crm.Call";

    public static readonly HttpRequestOptionsKey<CrmCall> OptionKey = new(OptionName);

    // Refit sets this option from the method's attribute, so the route template is stated once, there.
    private static readonly HttpRequestOptionsKey<string> RefitTemplateKey = new(Refit.HttpRequestMessageOptions.RelativePathTemplate);

    private readonly string _basePath;
    private int _attempts;
    private Uri? _uri;
    private string? _relativeTemplate;
    private bool _credentialRenewed;

    public CrmCall(string operation, CrmCallSettings settings, CrmClientRuntime runtime, long startedAt)
    {
        Operation = operation;
        Settings = settings;
        Runtime = runtime;
        Credential = runtime.Credential;
        _basePath = runtime.BasePath;
        StartedAt = startedAt;
    }

    /// <summary>
    /// The client the call belongs to. The handlers read it here, so one handler chain can serve many
    /// clients (the tenants of <see cref="ElasticFunnelsCrmClientFactory"/>).
    /// </summary>
    public CrmClientRuntime Runtime { get; }

    /// <summary>
    /// The key (and its budget) every attempt of this call sends: the client's when the call started, so a
    /// rotation never changes the key of a call under way (but see <see cref="TryRenewCredential"/>).
    /// </summary>
    public CrmCredential Credential { get; private set; }

    /// <summary>The SDK operation, e.g. <c>Entries.Create</c>: the name of spans, metrics and log lines.</summary>
    public string Operation { get; }

    public CrmCallSettings Settings { get; }

    /// <summary>When the call started, as a timestamp of the client's <see cref="TimeProvider"/>.</summary>
    public long StartedAt { get; }

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The HTTP method of the request, once one was built.</summary>
    public string Method { get; private set; } = string.Empty;

    /// <summary>The request path as sent (escaped), without query or fragment; empty before the first attempt.</summary>
    public string Path => _uri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : string.Empty;

    /// <summary>The request's origin, e.g. <c>https://app.elasticfunnels.io</c>; empty before the first attempt.</summary>
    public Uri? RequestUri => _uri;

    /// <summary>
    /// The route template with the base path, e.g. <c>/api/brands/{brand}/crm/entries/{entry}</c>, from the Refit
    /// method's attribute; the path itself when the request did not come from Refit.
    /// </summary>
    public string RouteTemplate => _relativeTemplate is null ? Path : _basePath + _relativeTemplate;

    /// <summary>
    /// Set when the call stopped waiting for its key's request budget after a 429 because the wait (this long)
    /// would outlast what the call had left; the error message says so.
    /// </summary>
    public TimeSpan? RateLimitWaitGivenUp { get; private set; }

    /// <summary>The call a request belongs to, or null for a request the SDK's runner did not start.</summary>
    public static CrmCall? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(OptionKey, out var call) ? call : null;

    /// <summary>Records an attempt; the request is the same object on every attempt.</summary>
    public void OnAttempt(HttpRequestMessage request)
    {
        if (Interlocked.Increment(ref _attempts) == 1)
        {
            Method = request.Method.Method;
            _uri = request.RequestUri;
            _relativeTemplate = request.Options.TryGetValue(RefitTemplateKey, out var template) ? template.TrimStart('/') : null;
        }
    }

    public void GiveUpOnRateLimit(TimeSpan wait) => RateLimitWaitGivenUp = wait;

    /// <summary>
    /// After a 401: when the client's key has been rotated since this call started, the call takes the new
    /// key (once) and may be sent again, because a refused request was not processed. The attempts of a call
    /// run one after another, so this needs no lock.
    /// </summary>
    /// <returns>True when the call now carries a different key than the attempt that was refused.</returns>
    public bool TryRenewCredential()
    {
        var current = Runtime.Credential;
        if (_credentialRenewed || ReferenceEquals(current, Credential))
        {
            return false;
        }

        Credential = current;
        _credentialRenewed = true;
        return true;
    }

    /// <summary>
    /// The client a request belongs to: that of its call, else <paramref name="fallback"/> (the client a handler
    /// chain was built for).
    /// </summary>
    /// <exception cref="InvalidOperationException">The request was not started by an SDK client and the chain serves many.</exception>
    public static CrmClientRuntime RuntimeOf(HttpRequestMessage request, CrmClientRuntime? fallback) =>
        Of(request)?.Runtime ?? fallback
        ?? throw new InvalidOperationException("This HTTP client is shared by the clients of ElasticFunnelsCrmClientFactory and only sends requests that one of them started; use IElasticFunnelsCrmClientFactory.GetClient(brandId, accessKey).");

    /// <summary>The time the call has left before its total timeout.</summary>
    public TimeSpan TimeLeft(TimeProvider timeProvider) =>
        Settings.Timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? TimeSpan.MaxValue
            : Settings.Timeout - timeProvider.GetElapsedTime(StartedAt);
}
