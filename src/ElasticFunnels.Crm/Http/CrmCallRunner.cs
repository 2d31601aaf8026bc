using System.Globalization;
using System.Text.Json;
using ElasticFunnels.Crm.Diagnostics;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ElasticFunnels.Crm.Http;

/// <summary>
/// The one response path. Every call of every resource client goes through here: the resource client
/// checks its arguments, names the operation and hands over a Refit call; the runner applies the call's
/// settings (its total timeout is owned here), records telemetry, and turns the outcome into the value,
/// a <see cref="CrmResponse{T}"/>, or a typed exception. It disposes every response it receives.
/// </summary>
internal sealed class CrmCallRunner(CrmClientRuntime runtime)
{
    private static readonly Func<bool, HttpResponseMessage, CrmCall, TimeSpan, Func<string, string>, bool> Discard = static (_, _, _, _, _) => true;

    private static readonly Func<bool, HttpResponseMessage, CrmCall, TimeSpan, Func<string, string>, CrmResponse> RawOnly =
        static (_, response, call, duration, redact) => RawResponses.Capture(response, call, duration, allowListOnly: false, redact);

    private readonly ApiErrorFactory _errors = runtime.Errors;

    public long BrandId => runtime.Options.BrandId;

    public CrmClientRuntime Runtime => runtime;

    /// <summary>
    /// Prepares a call: lays <paramref name="requestOptions"/> over the client's settings. Resource
    /// clients call it after their own argument checks and before anything is awaited, so bad options
    /// fail before any request.
    /// </summary>
    /// <exception cref="ArgumentException">The request options are invalid; nothing was sent.</exception>
    public PreparedCall<T> Prepare<T>(string operation, CrmRequestOptions? requestOptions, ResponseBody<T> body, Func<CrmCall, CancellationToken, Task<HttpResponseMessage>> send) =>
        new(operation, Settings(requestOptions), body, send);

    /// <summary>The settings a call with <paramref name="requestOptions"/> runs with (checked now).</summary>
    /// <exception cref="ArgumentException">The request options are invalid.</exception>
    public CrmCallSettings Settings(CrmRequestOptions? requestOptions) =>
        CrmCallSettings.For(runtime.DefaultCallSettings, requestOptions, nameof(requestOptions));

    /// <summary>Runs a call and returns the value its body carries.</summary>
    public Task<T> ValueAsync<T>(PreparedCall<T> prepared, CancellationToken cancellationToken) =>
        ExecuteAsync(prepared, Value<T>.Only, cancellationToken);

    /// <summary>Runs a call and returns the value with its raw response.</summary>
    public Task<CrmResponse<T>> ResponseAsync<T>(PreparedCall<T> prepared, CancellationToken cancellationToken) =>
        ExecuteAsync(prepared, Value<T>.WithResponse, cancellationToken);

    /// <summary>Runs a call whose body carries nothing the caller needs.</summary>
    public Task SendAsync(PreparedCall<bool> prepared, CancellationToken cancellationToken) =>
        ExecuteAsync(prepared, Discard, cancellationToken);

    /// <summary>Runs a call whose body carries nothing the caller needs, and returns its raw response.</summary>
    public Task<CrmResponse> SendWithResponseAsync(PreparedCall<bool> prepared, CancellationToken cancellationToken) =>
        ExecuteAsync(prepared, RawOnly, cancellationToken);

    private async Task<TResult> ExecuteAsync<T, TResult>(
        PreparedCall<T> prepared,
        Func<T, HttpResponseMessage, CrmCall, TimeSpan, Func<string, string>, TResult> result,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = new CrmCall(prepared.Operation, prepared.Settings, runtime, runtime.TimeProvider.GetTimestamp());
        var telemetry = CallTelemetry.Start(call, runtime.Logger);
        var timeout = call.Settings.Timeout;

        // The call's total timeout, on the client's clock; the caller's token cancels it too.
        using var deadline = timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(timeout, runtime.TimeProvider);
        using var link = deadline is null ? default : cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadline);

        HttpResponseMessage? response = null;
        Exception? failure = null;
        try
        {
            try
            {
                response = await prepared.Send(call, deadline?.Token ?? cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Translate(ex, call, deadline, cancellationToken) is { } translated)
            {
                throw translated;
            }

            var duration = Elapsed(call);
            if (!ApiErrorFactory.IsUsable(response))
            {
                throw _errors.FromResponse(response, call, duration);
            }

            var value = await ReadAsync(prepared.Body, response, call, duration, cancellationToken).ConfigureAwait(false);
            return result(value, response, call, duration, _errors.Redact);
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            telemetry?.Stop(call, response is null ? 0 : (int)response.StatusCode, failure, Elapsed(call), cancellationToken);
            response?.Dispose();
        }
    }

    private async ValueTask<T> ReadAsync<T>(ResponseBody<T> body, HttpResponseMessage response, CrmCall call, TimeSpan duration, CancellationToken cancellationToken)
    {
        // The buffering handler has read the body inside the attempt; reading it again costs nothing.
        if (response.Content is PooledBufferContent pooled)
        {
            return Read(body, response, call, duration, pooled.Span);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return Read(body, response, call, duration, bytes);
    }

    private T Read<T>(ResponseBody<T> body, HttpResponseMessage response, CrmCall call, TimeSpan duration, ReadOnlySpan<byte> json)
    {
        try
        {
            return body.TryRead(json, out var value) ? value : throw _errors.Empty(response, call, duration, body.Expected);
        }
        catch (JsonException ex)
        {
            throw _errors.Unreadable(response, call, duration, json, ex);
        }
    }

    private TimeSpan Elapsed(CrmCall call) => runtime.TimeProvider.GetElapsedTime(call.StartedAt);

    /// <summary>
    /// Gives every failure that is not an API answer a typed exception, or null to let it pass as it is.
    /// Which timeout fired is known: the total one is this runner's own token, the attempt one Polly's.
    /// </summary>
    private Exception? Translate(Exception exception, CrmCall call, CancellationTokenSource? deadline, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // The caller cancelled; the transport may report it as a broken stream, a timeout or a bare
            // "A task was canceled." (without a total timeout), so every case gets the same message.
            return new OperationCanceledException($"{Describe(call)} was cancelled by the caller.", exception, cancellationToken);
        }

        var settings = call.Settings;
        if (deadline is { IsCancellationRequested: true })
        {
            return new CrmTimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Describe(call)} did not complete within {settings.Timeout.TotalSeconds:0.###} s ({settings.TimeoutSource}, the budget of the whole call){Attempts(call)}."), exception);
        }

        return exception switch
        {
            TimeoutRejectedException ex => new CrmTimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Describe(call)} did not complete within {ex.Timeout.TotalSeconds:0.###} s ({settings.AttemptTimeoutSource}, the budget of one attempt){Attempts(call)}."), ex),
            ResponseTooLargeException ex => ApiErrorFactory.TooLarge(ex, call, Elapsed(call)),
            RateLimiting.BudgetExceededException ex => ApiErrorFactory.BudgetExceeded(ex, call, Elapsed(call)),
            OperationCanceledException ex => new CrmTimeoutException($"{Describe(call)} was cancelled by a timeout of the HTTP stack (for example the connect timeout), not by the caller{Attempts(call)}.", ex),
            BrokenCircuitException ex => new CrmConnectionException($"{Describe(call)} was not sent: the ElasticFunnels CRM API failed too often, so calls are paused (circuit breaker open){(ex.RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $"; try again in {Math.Ceiling(wait.TotalSeconds):0} s") : string.Empty)}.", ex),

            // A body cut short arrives as an IOException (HttpIOException), not an HttpRequestException.
            HttpRequestException or IOException => new CrmConnectionException($"{Describe(call)} to {runtime.Options.BaseAddress.GetLeftPart(UriPartial.Authority)} failed before a complete answer arrived{Attempts(call)}: {exception.Message}", exception),
            _ => null,
        };
    }

    private static string Describe(CrmCall call) =>
        call.Attempts == 0 ? $"The call to the ElasticFunnels CRM API ({call.Operation})" : $"{call.Method} {call.Path}";

    private static string Attempts(CrmCall call) =>
        call.Attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $" (after {call.Attempts} attempts)") : string.Empty;

    private static class Value<T>
    {
        public static readonly Func<T, HttpResponseMessage, CrmCall, TimeSpan, Func<string, string>, T> Only = static (value, _, _, _, _) => value;

        public static readonly Func<T, HttpResponseMessage, CrmCall, TimeSpan, Func<string, string>, CrmResponse<T>> WithResponse =
            static (value, response, call, duration, redact) => RawResponses.Capture(value, response, call, duration, redact);
    }
}
