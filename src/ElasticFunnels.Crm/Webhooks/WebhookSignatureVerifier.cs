using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ElasticFunnels.Crm;

/// <summary>
/// Verifies the signature of the vendor's postbacks: <c>X-EF-Signature</c> must be <c>sha256=</c> and
/// the hex HMAC-SHA256 of <c>"{X-EF-Timestamp}.{raw body}"</c> keyed with the signing secret, and the
/// timestamp must lie within <see cref="Tolerance"/> of now, in either direction. Thread-safe; create
/// one per secret and keep it.
/// </summary>
/// <remarks>
/// Verify the raw body bytes as received, before any JSON parsing or re-encoding. The comparison runs
/// in constant time; hex digits are accepted in either case. The signature is checked before the
/// timestamp, so a stale or early result means the delivery was authentic but outside the window.
/// </remarks>
/// <example><code>
/// var verifier = new WebhookSignatureVerifier(signingSecret);
/// var result = verifier.Verify(request.Headers[WebhookHeaders.Signature], request.Headers[WebhookHeaders.Timestamp], body);
/// if (!result.IsValid) { return Results.Unauthorized(); }
/// </code></example>
public sealed class WebhookSignatureVerifier
{
    /// <summary>The default timestamp window: 300 seconds either side of now.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier with the default window (<see cref="DefaultTolerance"/>) and the system clock.</summary>
    /// <param name="signingSecret">The signing secret of the postback; not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="signingSecret"/> is null, empty or whitespace.</exception>
    public WebhookSignatureVerifier(string signingSecret)
        : this(signingSecret, DefaultTolerance, TimeProvider.System)
    {
    }

    /// <summary>Creates a verifier with a window and clock of your choice.</summary>
    /// <param name="signingSecret">The signing secret of the postback; not empty.</param>
    /// <param name="tolerance">How far the timestamp may be from now, in either direction; greater than zero.</param>
    /// <param name="timeProvider">The clock "now" is read from.</param>
    /// <exception cref="ArgumentException"><paramref name="signingSecret"/> is null, empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is zero or negative.</exception>
    public WebhookSignatureVerifier(string signingSecret, TimeSpan tolerance, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingSecret);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (tolerance <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, $"{nameof(tolerance)} must be greater than zero (was {tolerance}).");
        }

        _key = Encoding.UTF8.GetBytes(signingSecret);
        Tolerance = tolerance;
        _timeProvider = timeProvider;
    }

    /// <summary>How far a delivery's timestamp may be from now, in either direction.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Verifies a delivery from its two headers and its raw body.</summary>
    /// <param name="signature">The <c>X-EF-Signature</c> header value, or null when absent.</param>
    /// <param name="timestamp">The <c>X-EF-Timestamp</c> header value, or null when absent.</param>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <returns>Valid, or the first reason it is not.</returns>
    public WebhookVerificationResult Verify(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingSignature, $"The {WebhookHeaders.Signature} header is missing.");
        }

        if (string.IsNullOrWhiteSpace(timestamp))
        {
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingTimestamp, $"The {WebhookHeaders.Timestamp} header is missing.");
        }

        timestamp = timestamp.Trim();
        if (timestamp.Length > 12
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > MaxUnixSeconds)
        {
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedTimestamp, $"The {WebhookHeaders.Timestamp} header is not a Unix time in whole seconds.");
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        Span<byte> received = stackalloc byte[WebhookSignature.HashLength];
        if (!TryParseSignature(signature.AsSpan().Trim(), received))
        {
            return WebhookVerificationResult.Fail(
                WebhookVerificationFailure.MalformedSignature,
                $"The {WebhookHeaders.Signature} header is not '{WebhookSignature.Prefix}' followed by {WebhookSignature.HashLength * 2} hex digits.",
                signedAt);
        }

        Span<byte> expected = stackalloc byte[WebhookSignature.HashLength];
        WebhookSignature.ComputeHash(_key, timestamp, body, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
        {
            return WebhookVerificationResult.Fail(
                WebhookVerificationFailure.SignatureMismatch,
                "The signature does not match the body and timestamp: the body was changed, or it was signed with another secret.",
                signedAt);
        }

        var skew = _timeProvider.GetUtcNow() - signedAt;
        if (skew > Tolerance)
        {
            return WebhookVerificationResult.Fail(
                WebhookVerificationFailure.TimestampTooOld,
                $"The delivery was signed {Seconds(skew)} s ago, more than the allowed {Seconds(Tolerance)} s.",
                signedAt);
        }

        if (-skew > Tolerance)
        {
            return WebhookVerificationResult.Fail(
                WebhookVerificationFailure.TimestampInFuture,
                $"The delivery is dated {Seconds(-skew)} s in the future, more than the allowed {Seconds(Tolerance)} s; check the clocks.",
                signedAt);
        }

        return WebhookVerificationResult.Valid(signedAt);
    }

    private static bool TryParseSignature(ReadOnlySpan<char> value, Span<byte> destination)
    {
        if (!value.StartsWith(WebhookSignature.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = value[WebhookSignature.Prefix.Length..];
        return hex.Length == destination.Length * 2
            && Convert.FromHexString(hex, destination, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == destination.Length;
    }

    private static string Seconds(TimeSpan span) => Math.Floor(span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
