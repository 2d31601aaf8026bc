using System.Diagnostics;
using System.Globalization;
using ElasticFunnels.Crm.Http;
using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm.Diagnostics;

/// <summary>
/// What one SDK call reports: a client span named after the operation (<c>Entries.Create</c>; retries
/// are inside it) with the OpenTelemetry HTTP client attributes, the duration histogram, the failure
/// counter and a Debug log line. When nobody listens, <see cref="Start"/> returns null and the call
/// pays for nothing else.
/// </summary>
internal sealed class CallTelemetry
{
    private readonly Activity? _activity;
    private readonly ILogger _logger;
    private readonly bool _logging;

    private CallTelemetry(Activity? activity, ILogger logger, bool logging)
    {
        _activity = activity;
        _logger = logger;
        _logging = logging;
    }

    public static CallTelemetry? Start(CrmCall call, ILogger logger)
    {
        var logging = logger.IsEnabled(LogLevel.Debug);
        if (!logging && !CrmDiagnostics.Source.HasListeners() && !CrmDiagnostics.RequestDuration.Enabled && !CrmDiagnostics.RequestFailures.Enabled)
        {
            return null;
        }

        return new CallTelemetry(CrmDiagnostics.Source.StartActivity(call.Operation, ActivityKind.Client), logger, logging);
    }

    /// <summary>Records the outcome: the status of the last response (0 when none arrived) and the exception the caller gets, if any.</summary>
    public void Stop(CrmCall call, int status, Exception? failure, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var errorType = failure switch
        {
            null => status >= 400 ? status.ToString(CultureInfo.InvariantCulture) : null,
            OperationCanceledException when cancellationToken.IsCancellationRequested => "canceled",
            CrmApiException when status != 0 => status.ToString(CultureInfo.InvariantCulture),
            _ => failure.GetType().FullName,
        };
        var method = call.Method.Length > 0 ? call.Method : "_OTHER";
        var template = call.RouteTemplate;
        var resends = Math.Max(0, call.Attempts - 1);

        if (_activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag("http.request.method", method);
                activity.SetTag("url.template", template);
                if (call.RequestUri is { } uri)
                {
                    activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
                    activity.SetTag("server.address", uri.Host);
                    activity.SetTag("server.port", uri.Port);
                }

                if (status != 0)
                {
                    activity.SetTag("http.response.status_code", status);
                }

                if (resends > 0)
                {
                    activity.SetTag("http.request.resend_count", resends);
                }

                if (errorType is not null)
                {
                    activity.SetTag("error.type", errorType);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }

            activity.Dispose();
        }

        var tags = new TagList
        {
            { "http.request.method", method },
            { "url.template", template },
        };
        if (status != 0)
        {
            tags.Add("http.response.status_code", status);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
            CrmDiagnostics.RequestFailures.Add(1, tags);
        }

        CrmDiagnostics.RequestDuration.Record(elapsed.TotalSeconds, tags);

        if (_logging)
        {
            if (failure is null || status != 0)
            {
                CrmLog.RequestCompleted(_logger, call.Operation, method, call.Path, status, elapsed.TotalMilliseconds, resends);
            }
            else
            {
                CrmLog.RequestFailed(_logger, call.Operation, method, call.Path, errorType!, elapsed.TotalMilliseconds, resends);
            }
        }
    }
}
