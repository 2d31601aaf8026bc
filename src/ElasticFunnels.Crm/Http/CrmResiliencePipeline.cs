using ElasticFunnels.Crm.Internal;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Builds the SDK's Polly pipeline, outermost first: total timeout → retry → circuit breaker →
/// attempt timeout. The same builder serves the dependency-injection path (through
/// <c>AddResilienceHandler</c>, so users can replace it) and the client built without it.
/// </summary>
internal static class CrmResiliencePipeline
{
    public const string Name = "ElasticFunnels.Crm";

    private static readonly ResiliencePropertyKey<long> CallStarted = new("ElasticFunnels.Crm.CallStarted");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ElasticFunnelsCrmOptions options, TimeProvider timeProvider)
    {
        builder.TimeProvider = timeProvider;
        var total = options.Timeout;

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "TotalTimeout",
            TimeoutGenerator = args =>
            {
                // Called once at the start of the call: remember when, so a Retry-After can be
                // compared with the time the call has left.
                args.Context.Properties.Set(CallStarted, timeProvider.GetTimestamp());
                return ValueTask.FromResult(total);
            },
        });

        var retry = options.Retry;
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                UseJitter = retry.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    // The request is shared by every attempt, so the telemetry handler outside the pipeline reads the count there.
                    args.Context.GetRequestMessage()?.Options.Set(Diagnostics.CrmDiagnostics.ResendCount, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        var breaker = options.CircuitBreaker;
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                Name = "CircuitBreaker",
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsServerFailure(args.Outcome)),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ElasticFunnelsCrmOptions options, TimeProvider timeProvider)
    {
        // Only an idempotent request may be sent again after an ambiguous failure (a timeout, a reset,
        // a 5xx): the server may have processed it. A POST creates, so sending it twice could create twice.
        var method = context.GetRequestMessage()?.Method ?? HttpMethod.Get;
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete
            || method == HttpMethod.Head || method == HttpMethod.Options;

        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                // The connection never opened, so the server never saw the request: safe for any method.
                HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError } => true,
                HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => false,
                HttpRequestException or TimeoutRejectedException or IOException => idempotent,
                _ => false,
            };
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        var status = (int)response.StatusCode;
        if (status == 429)
        {
            // Refused, so not processed: retry any method, but only when the wait fits the cap and the call's budget.
            var wait = RetryAfter(response);
            if (wait is null)
            {
                return true;
            }

            return wait <= options.Retry.MaxRetryAfter && wait <= TimeLeft(context, options, timeProvider);
        }

        if (status is 408 or 500 or 502 or 503 or 504)
        {
            if (!idempotent)
            {
                return false;
            }

            var wait = RetryAfter(response);
            return wait is null || (wait <= options.Retry.MaxRetryAfter && wait <= TimeLeft(context, options, timeProvider));
        }

        return false;
    }

    private static TimeSpan TimeLeft(ResilienceContext context, ElasticFunnelsCrmOptions options, TimeProvider timeProvider)
    {
        if (options.Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return TimeSpan.MaxValue;
        }

        return context.Properties.TryGetValue(CallStarted, out var started)
            ? options.Timeout - timeProvider.GetElapsedTime(started)
            : options.Timeout;
    }

    private static bool IsServerFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: not HttpRequestError.ConfigurationLimitExceeded } or TimeoutRejectedException or IOException } => true,
        { Result: { } response } => (int)response.StatusCode is 408 or >= 500,
        _ => false,
    };

    /// <summary>The wait a response asks for with <c>Retry-After</c> (seconds or an HTTP date), or null.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response) => RetryAfterHeader.Read(response);
}
