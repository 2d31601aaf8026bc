namespace ElasticFunnels.Crm;

/// <summary>
/// The outcome of <see cref="WebhookSignatureVerifier.Verify(string?, string?, ReadOnlySpan{byte})"/>. The
/// message says what was wrong in words safe to log: it never contains the signing secret or the
/// expected signature.
/// </summary>
public sealed class WebhookVerificationResult
{
    private WebhookVerificationResult(WebhookVerificationFailure failure, string message, DateTimeOffset? timestamp)
    {
        Failure = failure;
        Message = message;
        Timestamp = timestamp;
    }

    /// <summary>Whether the delivery is authentic and inside the timestamp window.</summary>
    public bool IsValid => Failure == WebhookVerificationFailure.None;

    /// <summary>Why verification failed; <see cref="WebhookVerificationFailure.None"/> when it succeeded.</summary>
    public WebhookVerificationFailure Failure { get; }

    /// <summary>A sentence describing the outcome, without secrets.</summary>
    public string Message { get; }

    /// <summary>The delivery's signing time, when the timestamp header could be read.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <inheritdoc />
    public override string ToString() => Message;

    internal static WebhookVerificationResult Valid(DateTimeOffset timestamp) =>
        new(WebhookVerificationFailure.None, "The signature is valid.", timestamp);

    internal static WebhookVerificationResult Fail(WebhookVerificationFailure failure, string message, DateTimeOffset? timestamp = null) =>
        new(failure, message, timestamp);
}
