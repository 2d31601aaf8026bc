using System.Diagnostics;
using ElasticFunnels.Crm.Internal;
using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm.Diagnostics;

/// <summary>
/// The outermost handler: one span per SDK operation (retries are inside it), named after the route
/// template so it has low cardinality, with OpenTelemetry HTTP client attributes; a duration histogram,
/// a failure counter and a Debug log line. When nobody listens it only forwards the request.
/// </summary>
internal sealed class TelemetryHandler(ILogger logger) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var logging = logger.IsEnabled(LogLevel.Debug);

        // Nobody listens: hand the request on without even an async state machine.
        return logging || CrmDiagnostics.Source.HasListeners() || CrmDiagnostics.RequestDuration.Enabled || CrmDiagnostics.RequestFailures.Enabled
            ? SendObservedAsync(request, logging, cancellationToken)
            : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendObservedAsync(HttpRequestMessage request, bool logging, CancellationToken cancellationToken)
    {

        var uri = request.RequestUri!;
        var method = request.Method.Method;
        var template = RouteTemplate.FromPath(uri.AbsolutePath);
        var started = Stopwatch.GetTimestamp();
        using var activity = CrmDiagnostics.Source.StartActivity($"{method} {template}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", method);
            activity.SetTag("url.template", template);
            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
        }

        HttpResponseMessage? response = null;
        string? errorType = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode >= 400)
            {
                errorType = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return response;
        }
        catch (Exception ex)
        {
            errorType = cancellationToken.IsCancellationRequested && ex is OperationCanceledException ? "canceled" : ex.GetType().FullName;
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var resends = request.Options.TryGetValue(CrmDiagnostics.ResendCount, out var count) ? count : 0;
            var status = response is null ? 0 : (int)response.StatusCode;
            Record(activity, method, template, status, errorType, elapsed, resends);
            if (logging)
            {
                if (errorType is null || response is not null)
                {
                    CrmLog.RequestCompleted(logger, method, uri.AbsolutePath, status, elapsed.TotalMilliseconds, resends);
                }
                else
                {
                    CrmLog.RequestFailed(logger, method, uri.AbsolutePath, errorType, elapsed.TotalMilliseconds, resends);
                }
            }
        }
    }

    private static void Record(Activity? activity, string method, string template, int status, string? errorType, TimeSpan elapsed, int resends)
    {
        if (activity is not null)
        {
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
    }
}
