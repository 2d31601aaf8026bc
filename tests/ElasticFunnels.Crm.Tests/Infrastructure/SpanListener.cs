using System.Collections.Concurrent;
using System.Diagnostics;

namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>Collects the SDK's spans for calls to one test server (listeners are process-wide, so spans are filtered by port).</summary>
public static class SpanListener
{
    public static ActivityListener Listen(ConcurrentQueue<Activity> spans, int port)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ElasticFunnelsCrmTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("server.port") is int p && p == port)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
