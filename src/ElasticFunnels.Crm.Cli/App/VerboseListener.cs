using System.Diagnostics;
using System.Globalization;

namespace ElasticFunnels.Crm.Cli.App;

/// <summary>
/// For <c>--verbose</c>: one line per SDK call on standard error, read from the SDK's own spans
/// (method, path, status, retries, time). Spans never carry headers, so the key cannot show.
/// </summary>
internal sealed class VerboseListener : IDisposable
{
    private readonly ActivityListener _listener;

    public VerboseListener(TextWriter error, Uri? baseAddress)
    {
        var host = baseAddress?.Host;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ElasticFunnelsCrmTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                // Listeners are process-wide; another client in the same process is not ours to report.
                if (host is not null && activity.GetTagItem("server.address") as string != host)
                {
                    return;
                }

                var status = activity.GetTagItem("http.response.status_code")?.ToString() ?? activity.GetTagItem("error.type")?.ToString() ?? "no answer";
                var resends = activity.GetTagItem("http.request.resend_count") is { } count ? $", {count} retries" : string.Empty;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {activity.GetTagItem("http.request.method")} {activity.GetTagItem("url.full")} -> {status} ({activity.Duration.TotalMilliseconds:0} ms{resends})"));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();
}
