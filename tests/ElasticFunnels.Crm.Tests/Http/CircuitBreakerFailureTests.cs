using System.Net;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// What the circuit breaker counts as the server failing: 408, every 5xx, broken connections. Any other
/// answer (a 4xx, a 429, a body over the size cap) is the server working, and never opens the circuit.
/// </summary>
public sealed class CircuitBreakerFailureTests
{
    private const int Calls = 4;

    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client whose circuit opens once half of at least two attempts failed; on a clock that stands still, so the window never ends.</summary>
    private static ElasticFunnelsCrmClient Client(AnsweringHandler handler, Action<ElasticFunnelsCrmOptions>? configure = null)
    {
        var options = TestOptions.For(BaseAddress, o =>
        {
            TestOptions.NoRetries(o);
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
            configure?.Invoke(o);
        });
        return new(CrmClientRuntime.Create(options, new FakeTimeProvider()), handler, disposeHandler: true);
    }

    private static HttpResponseMessage Status(int status) =>
        new((HttpStatusCode)status) { Content = new StringContent("""{"message":"No."}""", Encoding.UTF8, "application/json") };

    /// <summary>Makes <see cref="Calls"/> calls and returns the exception of the last one.</summary>
    private static async Task<Exception> LastFailure(ElasticFunnelsCrmClient client)
    {
        Exception? last = null;
        for (var i = 0; i < Calls; i++)
        {
            last = await Record.ExceptionAsync(() => client.Entities.GetAsync(1, Ct));
        }

        return last!;
    }

    [Theory]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(501)]
    [InlineData(503)]
    [InlineData(505)]
    [InlineData(599)]
    public async Task GetAsync_ServerFailureStatusTwice_CircuitOpensAndTheNextCallsAreNotSent(int status)
    {
        var handler = new AnsweringHandler(_ => Status(status));
        using var client = Client(handler);

        var last = await LastFailure(client);

        var ex = Assert.IsType<CrmConnectionException>(last);
        Assert.IsType<BrokenCircuitException>(ex.InnerException, exactMatch: false);
        Assert.Equal(2, handler.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(499)]
    public async Task GetAsync_ClientErrorStatusRepeatedly_CircuitStaysClosed(int status)
    {
        var handler = new AnsweringHandler(_ => Status(status));
        using var client = Client(handler);

        var last = await LastFailure(client);

        Assert.Equal(status, (int)Assert.IsAssignableFrom<CrmApiException>(last).StatusCode);
        Assert.Equal(Calls, handler.Requests);
    }

    [Fact]
    public async Task GetAsync_ConnectionRefusedTwice_CircuitOpens()
    {
        var handler = new AnsweringHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        using var client = Client(handler);

        var last = await LastFailure(client);

        Assert.IsType<BrokenCircuitException>(Assert.IsType<CrmConnectionException>(last).InnerException, exactMatch: false);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task GetAsync_ConnectionResetTwice_CircuitOpens()
    {
        var handler = new AnsweringHandler(_ => throw new IOException("Connection reset by peer"));
        using var client = Client(handler);

        var last = await LastFailure(client);

        Assert.IsType<BrokenCircuitException>(Assert.IsType<CrmConnectionException>(last).InnerException, exactMatch: false);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task GetAsync_LocalConnectionLimitExceededRepeatedly_CircuitStaysClosed()
    {
        var handler = new AnsweringHandler(_ => throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "Too many headers"));
        using var client = Client(handler);

        var last = await LastFailure(client);

        Assert.IsType<HttpRequestException>(Assert.IsType<CrmConnectionException>(last).InnerException);
        Assert.Equal(Calls, handler.Requests);
    }

    [Fact]
    public async Task GetAsync_BodyOverTheSizeCapRepeatedly_CircuitStaysClosed()
    {
        var handler = new AnsweringHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[2048]) });
        using var client = Client(handler, o => o.MaxResponseContentBytes = 1024);

        var last = await LastFailure(client);

        Assert.IsType<CrmResponseFormatException>(last);
        Assert.Equal(Calls, handler.Requests);
    }

    [Fact]
    public async Task GetAsync_CircuitBreakerDisabled_ServerFailuresNeverStopTheCalls()
    {
        var handler = new AnsweringHandler(_ => Status(503));
        using var client = Client(handler, o => o.CircuitBreaker.Enabled = false);

        var last = await LastFailure(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.IsType<CrmApiException>(last).StatusCode);
        Assert.Equal(Calls, handler.Requests);
    }
}
