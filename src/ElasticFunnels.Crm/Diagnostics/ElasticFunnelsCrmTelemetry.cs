namespace ElasticFunnels.Crm;

/// <summary>
/// Names to subscribe to the SDK's telemetry, e.g. with OpenTelemetry:
/// <c>.WithTracing(t => t.AddSource(ElasticFunnelsCrmTelemetry.ActivitySourceName))</c> and
/// <c>.WithMetrics(m => m.AddMeter(ElasticFunnelsCrmTelemetry.MeterName))</c>. Telemetry is on by
/// default and costs nothing while nobody listens.
/// </summary>
public static class ElasticFunnelsCrmTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: one span per SDK operation.</summary>
    public const string ActivitySourceName = "ElasticFunnels.Crm";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "ElasticFunnels.Crm";

    /// <summary>Histogram of call durations in seconds, retries included (tags: method, route template, status, error type).</summary>
    public const string RequestDurationMetric = "elasticfunnels.crm.client.request.duration";

    /// <summary>Counter of failed calls (tags: method, route template, status, error type).</summary>
    public const string RequestFailuresMetric = "elasticfunnels.crm.client.request.failures";

    /// <summary>Histogram of the time calls waited in their access key's request budget (queue and shared pause), in seconds.</summary>
    public const string RateLimitWaitMetric = "elasticfunnels.crm.client.rate_limit.wait";

    /// <summary>Counter of requests the request budget delayed.</summary>
    public const string RateLimitDelayedMetric = "elasticfunnels.crm.client.rate_limit.delayed";

    /// <summary>Counter of 429 Too Many Requests answers received.</summary>
    public const string RateLimitRefusalsMetric = "elasticfunnels.crm.client.rate_limit.refusals";

    /// <summary>The <see cref="Microsoft.Extensions.Logging.ILogger"/> category of the SDK's request log (Debug level).</summary>
    public const string LoggerCategory = "ElasticFunnels.Crm";
}
