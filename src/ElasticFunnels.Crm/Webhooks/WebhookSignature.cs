using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ElasticFunnels.Crm;

/// <summary>
/// Computes the vendor's postback signature: <c>sha256=</c> followed by the lowercase hex
/// HMAC-SHA256 of <c>"{timestamp}.{raw body}"</c>, keyed with the UTF-8 bytes of the signing secret.
/// Use it to sign test deliveries for your own receiver.
/// </summary>
/// <example><code>
/// var body = Encoding.UTF8.GetBytes("""{"order":{"conversion_code":"conv-1"}}""");
/// var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
/// request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
/// request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Compute(secret, timestamp, body));
/// </code></example>
public static class WebhookSignature
{
    /// <summary>The scheme prefix of the <c>X-EF-Signature</c> value.</summary>
    public const string Prefix = "sha256=";

    /// <summary>The length of an HMAC-SHA256 in bytes.</summary>
    internal const int HashLength = 32;

    /// <summary>Computes the <c>X-EF-Signature</c> value for a body signed at <paramref name="timestamp"/>.</summary>
    /// <param name="signingSecret">The signing secret; not empty.</param>
    /// <param name="timestamp">The Unix time in seconds, sent as <c>X-EF-Timestamp</c>.</param>
    /// <param name="body">The raw body bytes, exactly as sent.</param>
    /// <returns>For example <c>sha256=3f1c...</c> (64 lowercase hex digits).</returns>
    /// <exception cref="ArgumentException"><paramref name="signingSecret"/> is null, empty or whitespace.</exception>
    public static string Compute(string signingSecret, long timestamp, ReadOnlySpan<byte> body) =>
        Compute(signingSecret, timestamp.ToString(CultureInfo.InvariantCulture), body);

    /// <summary>Computes the <c>X-EF-Signature</c> value over a timestamp exactly as written in the header.</summary>
    /// <param name="signingSecret">The signing secret; not empty.</param>
    /// <param name="timestamp">The <c>X-EF-Timestamp</c> header value as sent.</param>
    /// <param name="body">The raw body bytes, exactly as sent.</param>
    /// <returns>For example <c>sha256=3f1c...</c> (64 lowercase hex digits).</returns>
    /// <exception cref="ArgumentException"><paramref name="signingSecret"/> or <paramref name="timestamp"/> is null, empty or whitespace.</exception>
    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(timestamp);
        Span<byte> hash = stackalloc byte[HashLength];
        ComputeHash(Encoding.UTF8.GetBytes(signingSecret), timestamp, body, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    internal static void ComputeHash(byte[] key, string timestamp, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
