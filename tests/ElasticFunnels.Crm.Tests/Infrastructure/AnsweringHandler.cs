namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>An innermost handler that answers each request with what <paramref name="answer"/> builds, and counts the requests.</summary>
public sealed class AnsweringHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var response = answer(request);
        response.RequestMessage ??= request;
        return Task.FromResult(response);
    }
}
