using System.Globalization;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// A rate limit for the emulator: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>
/// per access key, in fixed windows, as Laravel's throttle middleware counts them. Immutable; set it
/// through <see cref="CrmEmulatorOptions.RateLimit"/> or, on a running emulator,
/// <see cref="CrmEmulatorRateLimits.Limit"/>.
/// </summary>
/// <remarks>
/// Windows are aligned on the emulator's <see cref="CrmEmulatorOptions.TimeProvider"/> clock: with the
/// default one-second window, every key's budget refills at each whole second (…:00.000, …:01.000),
/// whenever its first request came. A request over the budget answers
/// <c>429 {"message":"Too many requests. Please slow down."}</c> and is not processed; it does not use
/// up budget itself.
/// </remarks>
/// <example>
/// <code>
/// new CrmEmulatorOptions { RateLimit = new CrmEmulatorRateLimit(20) { RetryAfter = CrmEmulatorRetryAfter.None } }
/// </code>
/// </example>
public sealed class CrmEmulatorRateLimit
{
    private readonly TimeSpan window = TimeSpan.FromSeconds(1);
    private readonly CrmEmulatorRetryAfter retryAfter = CrmEmulatorRetryAfter.Seconds;

    /// <summary>Creates a limit of <paramref name="permitLimit"/> requests per one-second window per access key.</summary>
    /// <param name="permitLimit">Requests each access key may make per window; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="permitLimit"/> is zero or negative.</exception>
    public CrmEmulatorRateLimit(int permitLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        PermitLimit = permitLimit;
    }

    /// <summary>Requests each access key may make per window.</summary>
    public int PermitLimit { get; }

    /// <summary>The window's length, greater than zero. Default one second.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public TimeSpan Window
    {
        get => window;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(Window));
            window = value;
        }
    }

    /// <summary>Whether and how a 429 carries <c>Retry-After</c>. Default <see cref="CrmEmulatorRetryAfter.Seconds"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of the enum's members.</exception>
    public CrmEmulatorRetryAfter RetryAfter
    {
        get => retryAfter;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(RetryAfter), value, "RetryAfter must be Seconds, HttpDate or None.");
            }

            retryAfter = value;
        }
    }

    /// <summary>Describes the limit, e.g. <c>20 requests per 00:00:01 per access key, Retry-After: Seconds</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PermitLimit} requests per {Window:c} per access key, Retry-After: {RetryAfter}");
}
