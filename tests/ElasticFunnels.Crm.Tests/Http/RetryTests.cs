using System.Net;
using System.Net.Sockets;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Polly.CircuitBreaker;
using static ElasticFunnels.Crm.Tests.Infrastructure.Replies;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>WireMock fault tests: each asserts how many requests the server received.</summary>
public sealed class RetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EntityCreateRequest NewEntity() => new() { Name = "Leads", Slug = "leads" };

    [Fact]
    public async Task GetAsync_503Then503ThenOk_Succeeds()
    {
        using var stub = new CrmStub();
        stub.Sequence("GET", Status(503), Status(503), Ok());

        var entity = await stub.Client.Entities.GetAsync(1, Ct);

        Assert.Equal("Leads", entity.Name);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task GetAsync_TransientStatusAlways_RetriedMaxRetryAttemptsTimes(int status)
    {
        using var stub = new CrmStub();
        stub.Sequence("GET", Status(status));

        var ex = await Assert.ThrowsAnyAsync<CrmApiException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(4, stub.Requests.Count);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task CreateAsync_TransientStatus_SentExactlyOnce(int status)
    {
        using var stub = new CrmStub();
        stub.Sequence("POST", Status(status), Ok(201));

        var ex = await Assert.ThrowsAnyAsync<CrmApiException>(() => stub.Client.Entities.CreateAsync(NewEntity(), Ct));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task GetAsync_ClientError_NotRetried(int status)
    {
        using var stub = new CrmStub();
        stub.Sequence("GET", Status(status), Ok());

        await Assert.ThrowsAnyAsync<CrmApiException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task UpdateAsync_503ThenOk_ResendsTheSameBodyWithExactlyOneKey()
    {
        using var stub = new CrmStub();
        stub.Sequence("PUT", Status(503), Ok());

        await stub.Client.Entities.UpdateAsync(1, new EntityUpdateRequest { Name = "Renamed", Color = "#fff" }, Ct);

        var requests = stub.Requests;
        Assert.Equal(2, requests.Count);
        foreach (var request in requests.Select(r => r.RequestMessage!))
        {
            Assert.Equal("PUT", request.Method);
            Assert.Equal("/api/brands/42/crm/entities/1", request.Path);
            Assert.Equal("""{"name":"Renamed","color":"#fff"}""", request.Body);
            Assert.Equal(CrmStub.AccessKey, Assert.Single(request.Headers!["EF-Access-Key"]));
            Assert.Equal("application/json", Assert.Single(request.Headers!["Accept"]));
            Assert.StartsWith("application/json", Assert.Single(request.Headers!["Content-Type"]));
        }
    }

    [Fact]
    public async Task DeleteAsync_502ThenNoContent_Retried()
    {
        using var stub = new CrmStub();
        stub.Sequence("DELETE", Status(502), r => r.WithStatusCode(204));

        await stub.Client.Entities.DeleteAsync(1, Ct);

        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task CreateAsync_ConnectionRefused_RetriedBecauseTheRequestNeverLeft()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = TestOptions.Client(new Uri($"http://127.0.0.1:{port}/api/"));

        var ex = await Assert.ThrowsAsync<CrmConnectionException>(() => client.Entities.CreateAsync(NewEntity(), Ct));

        Assert.StartsWith($"POST /api/brands/42/crm/entities to http://127.0.0.1:{port} failed before a complete answer arrived (after 4 attempts): ", ex.Message);
        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(ex.InnerException).HttpRequestError);
    }

    [Fact]
    public async Task GetAsync_ServerFailsRepeatedly_CircuitOpensAndStopsSending()
    {
        using var stub = new CrmStub(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });
        stub.Sequence("GET", Status(503));

        await Assert.ThrowsAnyAsync<CrmApiException>(() => stub.Client.Entities.GetAsync(1, Ct));
        await Assert.ThrowsAnyAsync<CrmApiException>(() => stub.Client.Entities.GetAsync(1, Ct));
        var ex = await Assert.ThrowsAsync<CrmConnectionException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.IsType<BrokenCircuitException>(ex.InnerException, exactMatch: false);
        Assert.StartsWith("The call to the ElasticFunnels CRM API (Entities.Get) was not sent: the ElasticFunnels CRM API failed too often, so calls are paused (circuit breaker open); try again in ", ex.Message);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task GetAsync_RateLimitedRepeatedly_CircuitStaysClosed()
    {
        using var stub = new CrmStub(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.RateLimit.Mode = CrmRateLimitMode.Off;
        });
        stub.Sequence("GET", Status(429));

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<CrmRateLimitException>(() => stub.Client.Entities.GetAsync(1, Ct));
        }

        Assert.Equal(5, stub.Requests.Count);
    }
}
