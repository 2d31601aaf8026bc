namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>
/// A client whose network is a <see cref="CapturingHandler"/>: no server, so argument checks and request
/// shapes can be asserted in microseconds. <see cref="Sent"/> is every request that reached the network.
/// </summary>
public sealed class OfflineCrm : IDisposable
{
    public OfflineCrm(string json = """{"id":1,"name":"x","slug":"x"}""")
    {
        Handler = new CapturingHandler(json);
        Client = new ElasticFunnelsCrmClient(TestOptions.For(new Uri("https://api.example.test/api/")), Handler, disposeHandler: true);
    }

    public CapturingHandler Handler { get; }

    public ElasticFunnelsCrmClient Client { get; }

    public IReadOnlyList<HttpRequestMessage> Sent => Handler.Requests;

    /// <summary>Asserts that <paramref name="call"/> fails with <typeparamref name="TException"/> before anything is sent.</summary>
    public async Task<TException> RejectsAsync<TException>(Func<ElasticFunnelsCrmClient, Task> call)
        where TException : ArgumentException
    {
        var ex = await Assert.ThrowsAsync<TException>(() => call(Client));
        Assert.Empty(Sent);
        return ex;
    }

    /// <summary>Asserts that <paramref name="call"/> passes the argument checks and sends exactly one request.</summary>
    public async Task<SentRequest> SendsAsync(Func<ElasticFunnelsCrmClient, Task> call)
    {
        await call(Client);
        return new SentRequest(Assert.Single(Sent), Assert.Single(Handler.Bodies));
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>A request as it reached the network, with its body as text.</summary>
public sealed record SentRequest(HttpRequestMessage Message, string? Body)
{
    public HttpMethod Method => Message.Method;

    public Uri RequestUri => Message.RequestUri!;
}
