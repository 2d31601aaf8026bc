namespace ElasticFunnels.Crm.Testing;

/// <summary>Settings for a <see cref="CrmEmulator"/>; read once, when the emulator is constructed.</summary>
public sealed class CrmEmulatorOptions
{
    /// <summary>
    /// The <c>EF-Access-Key</c> value the emulator accepts (with any of <see cref="AdditionalAccessKeys"/>).
    /// Default <c>ef_test_key</c>.
    /// </summary>
    public string AccessKey { get; set; } = "ef_test_key";

    /// <summary>
    /// More <c>EF-Access-Key</c> values accepted for the same brand, each with its own rate-limit budget,
    /// so tests can show that clients with different keys do not share one. Empty by default. Each must
    /// be non-empty and differ from <see cref="AccessKey"/> and from the others. Like the main key, they
    /// are redacted from <see cref="CrmEmulator.Requests"/>.
    /// </summary>
    public IList<string> AdditionalAccessKeys { get; } = [];

    /// <summary>The only brand the key may access; any other brand in the path answers 401. Default 42.</summary>
    public long BrandId { get; set; } = 42;

    /// <summary>
    /// Source of timestamps and of the clock latency is measured on. With a fake time provider,
    /// latency and <see cref="CrmEmulatorFaults.DelayNext"/> delays complete only when the fake clock is advanced.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Initial value of <see cref="CrmEmulator.Latency"/>, also restored by <see cref="CrmEmulator.Reset"/>.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// When true, the emulator starts (and resets) with a "Leads" entity created from the leads preset:
    /// entity 1, pipeline 1 "Sales Pipeline" with stages 1–5, fields 1–5, matching the ids in the vendor's examples.
    /// </summary>
    public bool SeedLeadsEntity { get; set; }

    /// <summary>
    /// When true, an entry without values answers <c>"values_flat": []</c>, as PHP's <c>json_encode</c>
    /// writes an empty associative array, instead of <c>{}</c>. Use it to check that a client tolerates
    /// the vendor's Laravel backend. Default false.
    /// </summary>
    public bool EmptyValuesFlatAsArray { get; set; }

    /// <summary>
    /// The initial rate limit (requests per fixed window per access key), or null for none, the default.
    /// It can be changed on a running emulator through <see cref="CrmEmulatorRateLimits.Limit"/>, and is
    /// restored by <see cref="CrmEmulator.Reset"/>.
    /// </summary>
    public CrmEmulatorRateLimit? RateLimit { get; set; }

    /// <summary>
    /// The port <see cref="CrmEmulator.StartServerAsync"/> listens on, on 127.0.0.1; 0 (the default) lets
    /// the operating system pick a free one. Set it when another process must find the emulator at a
    /// known address.
    /// </summary>
    public int ServerPort { get; set; }
}
