using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Tests.Webhooks;

public sealed class WebhookSignatureVerifierTests
{
    private const string Secret = "whsec_test_secret";
    private const string Timestamp = "1700000000";
    private const string Body = """{"event":"purchase","order":{"order_id":1001,"conversion_code":"conv-1001"}}""";

    // Computed independently of .NET:
    // printf '%s' '1700000000.{"event":"purchase","order":{"order_id":1001,"conversion_code":"conv-1001"}}' | openssl dgst -sha256 -hmac 'whsec_test_secret'
    private const string KnownSignature = "sha256=e4e9024eb869066621d440e7b7571383b44715079f4dab4e49f958c7982042fc";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private static byte[] BodyBytes => Encoding.UTF8.GetBytes(Body);

    private static (WebhookSignatureVerifier Verifier, FakeTimeProvider Clock) Create(DateTimeOffset now, TimeSpan? tolerance = null)
    {
        var clock = new FakeTimeProvider(now);
        return (new WebhookSignatureVerifier(Secret, tolerance ?? WebhookSignatureVerifier.DefaultTolerance, clock), clock);
    }

    [Fact]
    public void Compute_KnownVector_MatchesOpenSsl()
    {
        Assert.Equal(KnownSignature, WebhookSignature.Compute(Secret, 1_700_000_000, BodyBytes));
        Assert.Equal(KnownSignature, WebhookSignature.Compute(Secret, Timestamp, BodyBytes));
    }

    [Fact]
    public void Verify_KnownVector_IsValid()
    {
        var (verifier, _) = Create(SignedAt);

        var result = verifier.Verify(KnownSignature, Timestamp, BodyBytes);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(WebhookVerificationFailure.None, result.Failure);
        Assert.Equal(SignedAt, result.Timestamp);
    }

    [Fact]
    public void Verify_UppercaseHexAndPrefix_IsValid()
    {
        var (verifier, _) = Create(SignedAt);

        var result = verifier.Verify("SHA256=" + KnownSignature["sha256=".Length..].ToUpperInvariant(), Timestamp, BodyBytes);

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Verify_TamperedBody_IsMismatch()
    {
        var (verifier, _) = Create(SignedAt);
        var tampered = Encoding.UTF8.GetBytes(Body.Replace("conv-1001", "conv-1002", StringComparison.Ordinal));

        var result = verifier.Verify(KnownSignature, Timestamp, tampered);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Verify_TamperedTimestamp_IsMismatch()
    {
        var (verifier, _) = Create(SignedAt);

        var result = verifier.Verify(KnownSignature, "1700000001", BodyBytes);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Verify_WrongSecret_IsMismatchAndMessageHasNoSecrets()
    {
        var verifier = new WebhookSignatureVerifier("another_secret", WebhookSignatureVerifier.DefaultTolerance, new FakeTimeProvider(SignedAt));

        var result = verifier.Verify(KnownSignature, Timestamp, BodyBytes);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.DoesNotContain("another_secret", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSignature.Compute("another_secret", Timestamp, BodyBytes)[7..], result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(KnownSignature[7..], result.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null, Timestamp, WebhookVerificationFailure.MissingSignature)]
    [InlineData("", Timestamp, WebhookVerificationFailure.MissingSignature)]
    [InlineData(KnownSignature, null, WebhookVerificationFailure.MissingTimestamp)]
    [InlineData(KnownSignature, "  ", WebhookVerificationFailure.MissingTimestamp)]
    [InlineData(KnownSignature, "17000000x0", WebhookVerificationFailure.MalformedTimestamp)]
    [InlineData(KnownSignature, "-1700000000", WebhookVerificationFailure.MalformedTimestamp)]
    [InlineData(KnownSignature, "1700000000.5", WebhookVerificationFailure.MalformedTimestamp)]
    [InlineData(KnownSignature, "999999999999", WebhookVerificationFailure.MalformedTimestamp)]
    [InlineData(KnownSignature, "99999999999999999999999", WebhookVerificationFailure.MalformedTimestamp)]
    [InlineData("e4e9024eb869066621d440e7b7571383b44715079f4dab4e49f958c7982042fc", Timestamp, WebhookVerificationFailure.MalformedSignature)]
    [InlineData("sha1=e4e9024eb869066621d440e7b7571383b44715079f4dab4e49f958c7982042fc", Timestamp, WebhookVerificationFailure.MalformedSignature)]
    [InlineData("sha256=e4e9024eb869066621d440e7b7571383b44715079f4dab4e49f958c7982042f", Timestamp, WebhookVerificationFailure.MalformedSignature)]
    [InlineData("sha256=e4e9024eb869066621d440e7b7571383b44715079f4dab4e49f958c7982042fcaa", Timestamp, WebhookVerificationFailure.MalformedSignature)]
    [InlineData("sha256=z4e9024eb869066621d440e7b7571383b44715079f4dab4e49f958c7982042fc", Timestamp, WebhookVerificationFailure.MalformedSignature)]
    public void Verify_BadHeaders_SaysWhy(string? signature, string? timestamp, WebhookVerificationFailure expected)
    {
        var (verifier, _) = Create(SignedAt);

        var result = verifier.Verify(signature, timestamp, BodyBytes);

        Assert.Equal(expected, result.Failure);
        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Theory]
    [InlineData(0, WebhookVerificationFailure.None)]
    [InlineData(300, WebhookVerificationFailure.None)]
    [InlineData(301, WebhookVerificationFailure.TimestampTooOld)]
    [InlineData(-300, WebhookVerificationFailure.None)]
    [InlineData(-301, WebhookVerificationFailure.TimestampInFuture)]
    public void Verify_WindowEdges_DefaultIs300SecondsBothWays(int nowMinusSignedSeconds, WebhookVerificationFailure expected)
    {
        var (verifier, _) = Create(SignedAt.AddSeconds(nowMinusSignedSeconds));

        var result = verifier.Verify(KnownSignature, Timestamp, BodyBytes);

        Assert.Equal(expected, result.Failure);
    }

    [Fact]
    public void Verify_ClockAdvancesPastWindow_BecomesStale()
    {
        var (verifier, clock) = Create(SignedAt, TimeSpan.FromSeconds(30));
        Assert.True(verifier.Verify(KnownSignature, Timestamp, BodyBytes).IsValid);

        clock.Advance(TimeSpan.FromSeconds(30.5));
        var result = verifier.Verify(KnownSignature, Timestamp, BodyBytes);

        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, result.Failure);
        Assert.Contains("30 s ago", result.Message, StringComparison.Ordinal);
        Assert.Equal(SignedAt, result.Timestamp);
    }

    [Fact]
    public void Verify_StaleAndForged_ReportsMismatchFirst()
    {
        var (verifier, _) = Create(SignedAt.AddHours(1));

        var result = verifier.Verify(KnownSignature, "1700000005", BodyBytes);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new WebhookSignatureVerifier(" "));
        Assert.Throws<ArgumentNullException>(() => new WebhookSignatureVerifier(null!));
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookSignatureVerifier(Secret, TimeSpan.Zero, TimeProvider.System));
        Assert.Equal("tolerance", zero.ParamName);
        Assert.Throws<ArgumentNullException>(() => new WebhookSignatureVerifier(Secret, TimeSpan.FromSeconds(1), null!));
    }

    [Fact]
    public void Compute_RoundTripsThroughVerify_ForArbitraryBytes()
    {
        var body = new byte[] { 0, 0xFF, 0x7B, 0x0A, 0xC3, 0x28 };
        var (verifier, _) = Create(SignedAt);

        var signature = WebhookSignature.Compute(Secret, 1_700_000_000, body);

        Assert.Matches("^sha256=[0-9a-f]{64}$", signature);
        Assert.True(verifier.Verify(signature, Timestamp, body).IsValid);
        body[0] = 1;
        Assert.False(verifier.Verify(signature, Timestamp, body).IsValid);
    }
}
