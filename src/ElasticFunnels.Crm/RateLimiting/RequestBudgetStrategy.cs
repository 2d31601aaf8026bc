using System.Net;
using ElasticFunnels.Crm.Http;
using Polly;

namespace ElasticFunnels.Crm.RateLimiting;

/// <summary>
/// The request budget in the resilience pipeline, between the circuit breaker and the attempt timeout:
/// each attempt first takes a place in its key's budget (waiting counts against the call's total timeout,
/// never the attempt's), and a 429 goes back into the queue behind the key's shared pause instead of to
/// the retry strategy, so it uses no retry. When the wait would outlast the call, the 429 is returned
/// and the call fails with a <see cref="CrmRateLimitException"/> that says so. The budget is that of the
/// key the call sends (<see cref="CrmCall.Credential"/>), so a rotated key brings its own budget.
/// </summary>
internal sealed class RequestBudgetStrategy(CrmClientRuntime runtime) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        var call = CrmCall.Of(context.GetRequestMessage());
        if ((call?.Credential ?? runtime.Credential).Budget is not { } gate)
        {
            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }

        var timeProvider = runtime.TimeProvider;
        var cancellationToken = context.CancellationToken;
        var place = await gate.WaitForPlaceAsync(call, cancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        while (true)
        {
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } refused)
            {
                if (outcome.Result is not null)
                {
                    await gate.ReportAsync(place, refused: false, retryAfter: null).ConfigureAwait(false);
                }

                return outcome;
            }

            await gate.ReportAsync(place, refused: true, RetryAfterHeader.Read(refused, timeProvider)).ConfigureAwait(false);
            try
            {
                // Refused, so nothing was processed: queue again behind the pause, as long as the call can wait.
                place = await gate.WaitForPlaceAsync(call, cancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (BudgetExceededException exceeded)
            {
                call?.GiveUpOnRateLimit(exceeded.Wait);
                return outcome;
            }
            catch
            {
                refused.Dispose();
                throw;
            }

            refused.Dispose();
        }
    }
}
