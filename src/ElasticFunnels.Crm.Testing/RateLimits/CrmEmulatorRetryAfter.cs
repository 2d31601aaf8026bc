namespace ElasticFunnels.Crm.Testing;

/// <summary>How a 429 from the emulator's rate limit states when to come back.</summary>
/// <remarks>
/// The vendor's API may or may not send <c>Retry-After</c>; a client has to cope with all three forms.
/// </remarks>
public enum CrmEmulatorRetryAfter
{
    /// <summary>
    /// <c>Retry-After</c> in whole seconds until the current window ends, rounded up and at least 1, as
    /// Laravel's throttle middleware sends it. The default.
    /// </summary>
    Seconds,

    /// <summary>
    /// <c>Retry-After</c> as an HTTP date (RFC 1123): the moment the current window ends, rounded up to
    /// the whole second, on the emulator's <see cref="CrmEmulatorOptions.TimeProvider"/> clock.
    /// </summary>
    HttpDate,

    /// <summary>No <c>Retry-After</c> header at all.</summary>
    None,
}
