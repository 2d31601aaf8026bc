namespace ElasticFunnels.Crm;

/// <summary>Settings for the bulk methods of <see cref="IEntriesClient"/> (<c>CreateManyAsync</c> and friends).</summary>
public sealed class BulkOptions
{
    /// <summary>The default of <see cref="MaxConcurrency"/>.</summary>
    public const int DefaultMaxConcurrency = 8;

    /// <summary>The highest <see cref="MaxConcurrency"/> accepted.</summary>
    public const int MaxMaxConcurrency = 64;

    /// <summary>
    /// How many requests may be in flight at once, 1 to 64. Default 8: enough to hide latency, few
    /// enough not to trip the API's (undocumented) rate limit; lower it if you see 429s.
    /// </summary>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>
    /// Told after each item finishes (succeeded or failed), with running counts. Reports are made one
    /// at a time, in order; a <see cref="Progress{T}"/> posts them to the context it was created on.
    /// </summary>
    public IProgress<BulkProgress>? Progress { get; set; }

    internal void Validate(string paramName)
    {
        if (MaxConcurrency is < 1 or > MaxMaxConcurrency)
        {
            throw new ArgumentOutOfRangeException(paramName, MaxConcurrency, $"{paramName}.MaxConcurrency must be between 1 and {MaxMaxConcurrency} (was {MaxConcurrency}).");
        }
    }
}
