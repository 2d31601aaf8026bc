using ElasticFunnels.Crm.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Builds the SDK's Polly pipeline, outermost first: retry → circuit breaker → request budget (when rate
/// limiting is on) → attempt timeout. The
/// call's total timeout is not in it: the call runner owns it (so it holds with any pipeline, and the
/// runner knows which timeout fired), and the retry strategy asks the call how much time it has left.
/// </summary>
internal static class CrmResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Build(CrmClientRuntime runtime)
    {
        var options = runtime.Options;
        var timeProvider = runtime.TimeProvider;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = ElasticFunnelsCrmTelemetry.LoggerCategory, TimeProvider = timeProvider };
        if (runtime.LoggerFactory is { } loggerFactory)
        {
            // Polly's own events (each retry, circuit opened or closed) as logs and metrics.
            builder.ConfigureTelemetry(loggerFactory);
        }

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

                // A call sent again with a rotated key (after a 401) need not wait.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.Unauthorized ? TimeSpan.Zero : RetryAfterHeader.Read(args.Outcome.Result, timeProvider)),
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

        if (options.RateLimit.Mode != CrmRateLimitMode.Off)
        {
            // Inside the retry and the breaker, outside the attempt timeout: queueing never uses up an attempt.
            builder.AddStrategy(_ => new RequestBudgetStrategy(runtime));
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "AttemptTimeout",
            TimeoutGenerator = args => ValueTask.FromResult(
                CrmCall.Of(args.Context.GetRequestMessage())?.Settings.AttemptTimeout ?? options.AttemptTimeout),
        });

        return builder.Build();
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ElasticFunnelsCrmOptions options, TimeProvider timeProvider)
    {
        // Only an idempotent request may be sent again after an ambiguous failure (a timeout, a reset,
        // a 5xx): the server may have processed it. A POST creates, so sending it twice could create twice.
        var request = context.GetRequestMessage();
        var call = CrmCall.Of(request);
        if (call?.Settings.RetriesDisabled == true)
        {
            return false;
        }

        var method = request?.Method ?? HttpMethod.Get;
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
        if (status == 401)
        {
            // Refused, so not processed: when the key was rotated while this call ran (the old key may be the
            // reason for the 401), the call takes the new key and is sent again once, whatever its method.
            return call?.TryRenewCredential() == true;
        }

        if (status == 429 && options.RateLimit.Mode != CrmRateLimitMode.Off)
        {
            // The request budget queues 429s behind the key's shared pause; one that reaches here could not wait.
            return false;
        }

        if (status == 429)
        {
            // Refused, so not processed: retry any method, but only when the wait fits the cap and the call's budget.
            var wait = RetryAfterHeader.Read(response, timeProvider);
            if (wait is null)
            {
                return true;
            }

            return wait <= options.Retry.MaxRetryAfter && wait <= TimeLeft(call, options, timeProvider);
        }

        if (status is 408 or 500 or 502 or 503 or 504)
        {
            if (!idempotent)
            {
                return false;
            }

            var wait = RetryAfterHeader.Read(response, timeProvider);
            return wait is null || (wait <= options.Retry.MaxRetryAfter && wait <= TimeLeft(call, options, timeProvider));
        }

        return false;
    }

    private static TimeSpan TimeLeft(CrmCall? call, ElasticFunnelsCrmOptions options, TimeProvider timeProvider) =>
        call?.TimeLeft(timeProvider)
        ?? (options.Timeout == System.Threading.Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : options.Timeout);

    private static bool IsServerFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: not HttpRequestError.ConfigurationLimitExceeded } or TimeoutRejectedException or IOException } => true,
        { Result: { } response } => (int)response.StatusCode is 408 or >= 500,
        _ => false,
    };
}
