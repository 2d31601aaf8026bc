namespace ElasticFunnels.Crm;

/// <summary>The headers of the vendor's signed postbacks (purchase and other conversion events).</summary>
public static class WebhookHeaders
{
    /// <summary><c>X-EF-Signature</c>: <c>sha256=</c> and the hex HMAC-SHA256 of <c>"{timestamp}.{raw body}"</c>.</summary>
    public const string Signature = "X-EF-Signature";

    /// <summary><c>X-EF-Timestamp</c>: when the delivery was signed, in Unix seconds.</summary>
    public const string Timestamp = "X-EF-Timestamp";

    /// <summary><c>X-EF-Delivery-Id</c>: the same for every retry of one delivery; deduplicate on it.</summary>
    public const string DeliveryId = "X-EF-Delivery-Id";

    /// <summary><c>X-EF-Event</c>: the event name, e.g. <c>purchase</c>.</summary>
    public const string Event = "X-EF-Event";

    /// <summary><c>X-EF-Brand-Id</c>: the brand (project) the event belongs to.</summary>
    public const string BrandId = "X-EF-Brand-Id";
}
