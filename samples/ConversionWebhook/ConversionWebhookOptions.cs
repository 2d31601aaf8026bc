namespace ConversionWebhook;

/// <summary>The receiver's settings (section <c>ConversionWebhook</c>).</summary>
public sealed class ConversionWebhookOptions
{
    public const string SectionName = "ConversionWebhook";

    /// <summary>
    /// The postback's signing secret. Required when a real CRM key is configured; with the built-in
    /// emulator a development secret (<see cref="DevelopmentSecret"/>) is used when it is empty.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>The development secret used with the emulator when none is configured.</summary>
    public const string DevelopmentSecret = "whsec_development_only";

    /// <summary>How far a delivery's timestamp may be from now, either way. Default 5 minutes.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The slug of the entity that receives the leads. Default <c>leads</c>.</summary>
    public string EntitySlug { get; set; } = "leads";

    /// <summary>How long a delivery id is remembered. The vendor retries for hours, so default one day.</summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The largest body accepted, in bytes. Default 256 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}
