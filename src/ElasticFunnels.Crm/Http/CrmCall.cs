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

    public CrmCall(string operation, CrmCallSettings settings, string basePath, long startedAt)
    {
        Operation = operation;
        Settings = settings;
        _basePath = basePath;
        StartedAt = startedAt;
    }

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

    /// <summary>The time the call has left before its total timeout.</summary>
    public TimeSpan TimeLeft(TimeProvider timeProvider) =>
        Settings.Timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? TimeSpan.MaxValue
            : Settings.Timeout - timeProvider.GetElapsedTime(StartedAt);
}
