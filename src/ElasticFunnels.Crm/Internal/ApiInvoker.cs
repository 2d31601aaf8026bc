using System.Globalization;
using ElasticFunnels.Crm.Serialization;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ElasticFunnels.Crm.Internal;

/// <summary>
/// Runs one Refit call and gives every failure that did not come from the server's status a typed
/// exception: a timeout is a <see cref="CrmTimeoutException"/> (never confused with the caller's
/// cancellation, which stays an <see cref="OperationCanceledException"/>), a broken connection a
/// <see cref="CrmConnectionException"/>, a success without a body a <see cref="CrmResponseFormatException"/>.
/// </summary>
internal sealed class ApiInvoker(ElasticFunnelsCrmOptions options)
{
    public async Task<T> GetAsync<T>(Func<CancellationToken, Task<Envelope<T>>> call, CancellationToken cancellationToken)
        where T : class
    {
        var envelope = await RunAsync(call, cancellationToken).ConfigureAwait(false);
        return envelope.Value ?? throw EmptyBody(typeof(T).Name);
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(Func<CancellationToken, Task<ListEnvelope<T>>> call, CancellationToken cancellationToken)
        where T : class
    {
        var envelope = await RunAsync(call, cancellationToken).ConfigureAwait(false);
        return envelope.Items ?? throw EmptyBody($"a list of {typeof(T).Name}");
    }

    public async Task<T> GetPlainAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        var value = await RunAsync(call, cancellationToken).ConfigureAwait(false);
        return value ?? throw EmptyBody(typeof(T).Name);
    }

    public Task SendAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private async Task<TResult> RunAsync<TResult>(Func<CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new CrmTimeoutException(string.Create(CultureInfo.InvariantCulture, $"The ElasticFunnels CRM API did not answer within {ex.Timeout.TotalSeconds:0.###} s (ElasticFunnelsCrmOptions.{(ex.Timeout == options.Timeout ? "Timeout" : "AttemptTimeout")})."), ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CrmTimeoutException("The call to the ElasticFunnels CRM API was cancelled by a timeout, not by the caller.", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new CrmConnectionException($"The ElasticFunnels CRM API failed too often, so calls are paused (circuit breaker open){(ex.RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $"; try again in {wait.TotalSeconds:0} s") : string.Empty)}.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CrmConnectionException($"The call to the ElasticFunnels CRM API at {options.BaseAddress.GetLeftPart(UriPartial.Authority)} failed before a complete answer arrived: {ex.Message}", ex);
        }
    }

    private static CrmResponseFormatException EmptyBody(string expected) =>
        new(new CrmError(), $"The ElasticFunnels CRM API answered with a success status but no {expected} in the body (empty or null).");
}
