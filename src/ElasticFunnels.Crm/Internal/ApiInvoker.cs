using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Serialization;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ElasticFunnels.Crm.Internal;

/// <summary>
/// Runs one Refit call and gives every failure that did not come from the server's status a typed
/// exception: a timeout is a <see cref="CrmTimeoutException"/> (never confused with the caller's
/// cancellation, which stays an <see cref="OperationCanceledException"/>), a broken connection a
/// <see cref="CrmConnectionException"/>, a success without a body a <see cref="CrmResponseFormatException"/>.
/// Each names the request, which the transport reports through a <see cref="CallRecord"/>.
/// </summary>
internal sealed class ApiInvoker(ElasticFunnelsCrmOptions options, ApiErrorFactory errors)
{
    public async Task<T> GetAsync<T>(Func<CancellationToken, Task<HttpContent>> call, CancellationToken cancellationToken)
        where T : class
    {
        var record = CallRecord.Start();
        var content = await RunAsync(call, record, cancellationToken).ConfigureAwait(false);
        var envelope = await ReadAsync(content, TypeInfo<Envelope<T>>.Value, record, cancellationToken).ConfigureAwait(false);
        return envelope.Value ?? throw ApiErrorFactory.CreateEmptyBodyError(record.ToError(), $"a JSON object ({typeof(T).Name})");
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(Func<CancellationToken, Task<HttpContent>> call, CancellationToken cancellationToken)
        where T : class
    {
        var record = CallRecord.Start();
        var content = await RunAsync(call, record, cancellationToken).ConfigureAwait(false);
        var envelope = await ReadAsync(content, TypeInfo<ListEnvelope<T>>.Value, record, cancellationToken).ConfigureAwait(false);
        return envelope.Items ?? throw ApiErrorFactory.CreateEmptyBodyError(record.ToError(), $"a JSON array of {typeof(T).Name}");
    }

    public async Task<T> GetPlainAsync<T>(Func<CancellationToken, Task<HttpContent>> call, CancellationToken cancellationToken)
        where T : class
    {
        var record = CallRecord.Start();
        var content = await RunAsync(call, record, cancellationToken).ConfigureAwait(false);
        var value = await ReadAsync(content, TypeInfo<T>.Value, record, cancellationToken).ConfigureAwait(false);
        return value ?? throw ApiErrorFactory.CreateEmptyBodyError(record.ToError(), $"a JSON object ({typeof(T).Name})");
    }

    /// <summary>
    /// Deserializes the body the buffering handler already read inside the attempt: straight from its
    /// pooled bytes (no copy, no stream), then returns the bytes to the pool.
    /// </summary>
    private async ValueTask<TValue?> ReadAsync<TValue>(HttpContent content, JsonTypeInfo<TValue> typeInfo, CallRecord record, CancellationToken cancellationToken)
    {
        using (content)
        {
            try
            {
                if (content is PooledBufferContent pooled)
                {
                    // An empty body reads as no value, like JSON null: the caller names what was expected.
                    return pooled.Span.Trim(" \t\r\n"u8).IsEmpty ? default : JsonSerializer.Deserialize(pooled.Span, typeInfo);
                }

                var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (JsonException ex)
            {
                throw errors.CreateFormatError(record.ToError(), content is PooledBufferContent pooled ? pooled.Span : default, ex);
            }
        }
    }

    /// <summary>The context's metadata for <typeparamref name="TValue"/>, looked up once (no reflection: the context is source-generated).</summary>
    private static class TypeInfo<TValue>
    {
        public static readonly JsonTypeInfo<TValue> Value = (JsonTypeInfo<TValue>)CrmJsonContext.Default.GetTypeInfo(typeof(TValue))!;
    }

    public async Task SendAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var record = CallRecord.Start();
        await RunAsync(
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            record,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResult> RunAsync<TResult>(Func<CancellationToken, Task<TResult>> call, CallRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not CrmApiException)
        {
            // The caller cancelled, and the transport reported it as a broken stream or a timeout:
            // the caller asked for cancellation, so that is what they get.
            throw new OperationCanceledException($"{Describe(record)} was cancelled by the caller.", ex, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            var which = ex.Timeout == options.Timeout ? "Timeout, the budget of the whole call" : "AttemptTimeout, the budget of one attempt";
            throw new CrmTimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Describe(record)} did not complete within {ex.Timeout.TotalSeconds:0.###} s (ElasticFunnelsCrmOptions.{which}){Attempts(record)}."), ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new CrmTimeoutException($"{Describe(record)} was cancelled by a timeout of the HTTP stack (for example the connect timeout), not by the caller{Attempts(record)}.", ex);
        }
        catch (BrokenCircuitException ex)
        {
            var again = ex.RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $"; try again in {Math.Ceiling(wait.TotalSeconds):0} s") : string.Empty;
            throw new CrmConnectionException($"{Describe(record)} was not sent: the ElasticFunnels CRM API failed too often, so calls are paused (circuit breaker open){again}.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // A body cut short arrives as an IOException (HttpIOException), not an HttpRequestException.
            throw new CrmConnectionException($"{Describe(record)} to {options.BaseAddress.GetLeftPart(UriPartial.Authority)} failed before a complete answer arrived{Attempts(record)}: {ex.Message}", ex);
        }
    }

    private static string Describe(CallRecord record) =>
        record.Attempts == 0 ? "The call to the ElasticFunnels CRM API" : $"{record.Method} {record.Path}";

    private static string Attempts(CallRecord record) =>
        record.Attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $" (after {record.Attempts} attempts)") : string.Empty;
}
