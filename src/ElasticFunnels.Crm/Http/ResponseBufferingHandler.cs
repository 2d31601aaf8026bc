namespace ElasticFunnels.Crm.Http;

/// <summary>
/// Reads the whole response body inside the attempt, with a size cap, so that the attempt and call
/// timeouts cover the body and not only the headers, and so that no body larger than the cap is read.
/// A page of the API is at most 100 entries, so buffering one response is bounded by design.
/// </summary>
internal sealed class ResponseBufferingHandler(long maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
            {
                throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, $"The response body ({length} bytes) is larger than the {maxBytes} bytes the SDK reads (ElasticFunnelsCrmOptions.MaxResponseContentBytes).");
            }

            await response.Content.LoadIntoBufferAsync(maxBytes, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError != HttpRequestError.ConfigurationLimitExceeded && IsSizeLimit(ex))
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, $"The response body is larger than the {maxBytes} bytes the SDK reads (ElasticFunnelsCrmOptions.MaxResponseContentBytes).", ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    // LoadIntoBufferAsync reports an oversized body as a plain HttpRequestException.
    private static bool IsSizeLimit(HttpRequestException ex) =>
        ex.Message.Contains("buffer", StringComparison.OrdinalIgnoreCase) && ex.InnerException is null;
}
