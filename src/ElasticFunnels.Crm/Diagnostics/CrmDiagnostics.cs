using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ElasticFunnels.Crm.Diagnostics;

/// <summary>The SDK's activity source and instruments, created once per process.</summary>
internal static class CrmDiagnostics
{
    private static readonly string Version = typeof(CrmDiagnostics).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(ElasticFunnelsCrmTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(ElasticFunnelsCrmTelemetry.MeterName, Version);

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        ElasticFunnelsCrmTelemetry.RequestDurationMetric,
        unit: "s",
        description: "Duration of ElasticFunnels CRM API calls, retries included.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60] });

    public static readonly Counter<long> RequestFailures = Meter.CreateCounter<long>(
        ElasticFunnelsCrmTelemetry.RequestFailuresMetric,
        unit: "{request}",
        description: "ElasticFunnels CRM API calls that failed.");


    public static readonly Histogram<double> RateLimitWait = Meter.CreateHistogram<double>(
        ElasticFunnelsCrmTelemetry.RateLimitWaitMetric,
        unit: "s",
        description: "Time ElasticFunnels CRM calls waited in their access key's request budget (queue and pause).",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    public static readonly Counter<long> RateLimitDelayed = Meter.CreateCounter<long>(
        ElasticFunnelsCrmTelemetry.RateLimitDelayedMetric,
        unit: "{request}",
        description: "ElasticFunnels CRM requests the request budget delayed.");

    public static readonly Counter<long> RateLimitRefusals = Meter.CreateCounter<long>(
        ElasticFunnelsCrmTelemetry.RateLimitRefusalsMetric,
        unit: "{response}",
        description: "429 Too Many Requests answers the ElasticFunnels CRM API gave.");
}
