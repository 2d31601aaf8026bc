namespace ElasticFunnels.Crm;

/// <summary>Why a webhook delivery failed verification.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>The delivery is authentic and fresh.</summary>
    None = 0,

    /// <summary>The <c>X-EF-Signature</c> header is missing or empty.</summary>
    MissingSignature,

    /// <summary>The <c>X-EF-Timestamp</c> header is missing or empty.</summary>
    MissingTimestamp,

    /// <summary>The signature is not <c>sha256=</c> followed by 64 hex digits.</summary>
    MalformedSignature,

    /// <summary>The timestamp is not a whole number of Unix seconds.</summary>
    MalformedTimestamp,

    /// <summary>The signature does not match the body, the timestamp and the signing secret.</summary>
    SignatureMismatch,

    /// <summary>The signature matches, but the timestamp is older than the allowed window (a replay, or a delivery queued too long).</summary>
    TimestampTooOld,

    /// <summary>The signature matches, but the timestamp is further in the future than the allowed window (clocks out of step).</summary>
    TimestampInFuture,
}
