namespace ElasticFunnels.Crm.Http;

/// <summary>
/// The settings one call runs with: the client's options, with a <see cref="CrmRequestOptions"/> laid
/// over them. Checked and copied when the call starts, so a later change to either does not reach it.
/// </summary>
internal sealed class CrmCallSettings
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    private const string ClientTimeout = "ElasticFunnelsCrmOptions.Timeout";
    private const string ClientAttemptTimeout = "ElasticFunnelsCrmOptions.AttemptTimeout";

    private CrmCallSettings(TimeSpan timeout, string timeoutSource, TimeSpan attemptTimeout, string attemptTimeoutSource, bool retriesDisabled, KeyValuePair<string, string>[] headers)
    {
        Timeout = timeout;
        TimeoutSource = timeoutSource;
        AttemptTimeout = attemptTimeout;
        AttemptTimeoutSource = attemptTimeoutSource;
        RetriesDisabled = retriesDisabled;
        Headers = headers;
    }

    /// <summary>The budget of the whole call.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The setting <see cref="Timeout"/> came from, for the message when it runs out.</summary>
    public string TimeoutSource { get; }

    /// <summary>The budget of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; }

    /// <summary>The setting <see cref="AttemptTimeout"/> came from.</summary>
    public string AttemptTimeoutSource { get; }

    public bool RetriesDisabled { get; }

    /// <summary>Extra headers for every attempt, already checked.</summary>
    public KeyValuePair<string, string>[] Headers { get; }

    /// <summary>The client's own settings, shared by every call made without request options.</summary>
    public static CrmCallSettings Default(ElasticFunnelsCrmOptions options) =>
        new(options.Timeout, ClientTimeout, options.AttemptTimeout, ClientAttemptTimeout, retriesDisabled: false, []);

    /// <summary>
    /// Lays <paramref name="requestOptions"/> over the client's settings.
    /// </summary>
    /// <exception cref="ArgumentException">A timeout is out of range or a header is not allowed; nothing was sent.</exception>
    public static CrmCallSettings For(CrmCallSettings client, CrmRequestOptions? requestOptions, string paramName)
    {
        if (requestOptions is null)
        {
            return client;
        }

        var (timeout, timeoutSource) = requestOptions.Timeout is { } total
            ? (Checked(total, paramName, nameof(CrmRequestOptions.Timeout)), "CrmRequestOptions.Timeout")
            : (client.Timeout, client.TimeoutSource);

        var (attempt, attemptSource) = requestOptions.AttemptTimeout is { } perAttempt
            ? (Checked(perAttempt, paramName, nameof(CrmRequestOptions.AttemptTimeout)), "CrmRequestOptions.AttemptTimeout")

            // A client that limits attempts on purpose keeps that limit; one that does not lets an
            // attempt use the whole (possibly longer) timeout of this call.
            : IsShorter(client.AttemptTimeout, client.Timeout) ? (client.AttemptTimeout, client.AttemptTimeoutSource) : (timeout, timeoutSource);

        return new CrmCallSettings(timeout, timeoutSource, attempt, attemptSource, requestOptions.DisableRetries, ExtraHeaders.Snapshot(requestOptions.Headers, paramName));
    }

    private static bool IsShorter(TimeSpan value, TimeSpan than) =>
        value != System.Threading.Timeout.InfiniteTimeSpan && (than == System.Threading.Timeout.InfiniteTimeSpan || value < than);

    private static TimeSpan Checked(TimeSpan value, string paramName, string property)
    {
        if (value != System.Threading.Timeout.InfiniteTimeSpan && (value < MinTimeout || value > MaxTimeout))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName}.{property} must be between 10 ms and 24 hours, or Timeout.InfiniteTimeSpan (was {value}).");
        }

        return value;
    }
}
