using System.Diagnostics;
using System.Net;
using System.Text;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>Faults only a raw socket can make: a reset mid-body, headers then silence, bodies beyond the cap.</summary>
public sealed class TransportFaultTests
{
    private const string EntityJson = """{"id":1,"name":"Leads","slug":"leads","description":"................................................................"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EntityCreateRequest NewEntity() => new() { Name = "Leads", Slug = "leads" };

    private static async Task ResetMidBody(RawExchange exchange)
    {
        var body = Encoding.UTF8.GetBytes(EntityJson);
        await exchange.SendHeadAsync(200, body.Length);
        await exchange.WriteAsync(body[..20]);
        exchange.Reset();
    }

    private static async Task HeadersThenSilence(RawExchange exchange)
    {
        await exchange.SendHeadAsync(200, EntityJson.Length);
        await exchange.StaySilentAsync();
    }

    [Fact]
    public async Task GetAsync_ConnectionResetMidBody_RetriedThenConnectionException()
    {
        await using var server = RawHttpServer.Start(ResetMidBody);
        using var client = TestOptions.Client(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<CrmConnectionException>(() => client.Entities.GetAsync(1, Ct));

        Assert.StartsWith($"GET /api/brands/42/crm/entities/1 to http://127.0.0.1:{server.Port} failed before a complete answer arrived (after 4 attempts): ", ex.Message);
        Assert.IsType<IOException>(ex.InnerException, exactMatch: false);
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public async Task CreateAsync_ConnectionResetMidBody_SentExactlyOnce()
    {
        await using var server = RawHttpServer.Start(ResetMidBody);
        using var client = TestOptions.Client(server.BaseAddress);

        await Assert.ThrowsAsync<CrmConnectionException>(() => client.Entities.CreateAsync(NewEntity(), Ct));

        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task GetAsync_RetriedAfterReset_SucceedsWithTheSecondAnswer()
    {
        await using var server = RawHttpServer.Start(exchange => exchange.Number == 1 ? ResetMidBody(exchange) : exchange.RespondAsync(200, EntityJson));
        using var client = TestOptions.Client(server.BaseAddress);

        var entity = await client.Entities.GetAsync(1, Ct);

        Assert.Equal("Leads", entity.Name);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task GetAsync_HeadersThenSilence_AttemptTimeoutCoversTheBody()
    {
        await using var server = RawHttpServer.Start(HeadersThenSilence);
        using var client = TestOptions.Client(server.BaseAddress, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            o.Retry.MaxRetryAttempts = 1;
        });
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Contains("(ElasticFunnelsCrmOptions.AttemptTimeout, the budget of one attempt) (after 2 attempts)", ex.Message);
        Assert.Equal(2, server.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Took {clock.Elapsed}: the body read must be covered by the attempt timeout.");
    }

    [Fact]
    public async Task CreateAsync_HeadersThenSilence_TimesOutAndIsNotResent()
    {
        await using var server = RawHttpServer.Start(HeadersThenSilence);
        using var client = TestOptions.Client(server.BaseAddress, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAsync<CrmTimeoutException>(() => client.Entities.CreateAsync(NewEntity(), Ct));

        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task GetAsync_DeclaredBodyLargerThanCap_FailsWithoutReadingOrRetrying()
    {
        await using var server = RawHttpServer.Start(async exchange =>
        {
            await exchange.SendHeadAsync(200, 10_000_000);
            await exchange.WriteAsync(new byte[4096]);
            await exchange.StaySilentAsync();
        });
        using var client = TestOptions.Client(server.BaseAddress, o => o.MaxResponseContentBytes = 1024);

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal("GET /api/brands/42/crm/entities/1 answered 200 with a body of 10000000 bytes, more than the 1024 bytes the SDK reads (ElasticFunnelsCrmOptions.MaxResponseContentBytes); the rest was not read.", ex.Message);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task GetAsync_ChunkedBodyGrowingPastCap_StopsReadingAtTheCap()
    {
        var written = 0;
        await using var server = RawHttpServer.Start(async exchange =>
        {
            await exchange.SendHeadAsync(200, contentLength: null);
            // 64 MiB offered: far more than socket buffers hold, so only a client that stops reading stops the server.
            var chunk = Encoding.ASCII.GetBytes("[" + new string(' ', 16 * 1024 - 1));
            for (var i = 0; i < 4096; i++)
            {
                await exchange.WriteChunkAsync(chunk);
                Interlocked.Add(ref written, chunk.Length);
            }
        });
        using var client = TestOptions.Client(server.BaseAddress, o => o.MaxResponseContentBytes = 8 * 1024);

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => client.Entities.ListAsync(Ct));

        Assert.Equal("GET /api/brands/42/crm/entities answered 200 with a body, more than the 8192 bytes the SDK reads (ElasticFunnelsCrmOptions.MaxResponseContentBytes); the rest was not read.", ex.Message);
        Assert.Equal(1, server.Requests);
        Assert.True(Volatile.Read(ref written) < 4096 * 16 * 1024, "The client read the whole body instead of stopping at the cap.");
    }

    [Fact]
    public async Task CreateAsync_HugeErrorBody_TypedExceptionWithSnippetAndNoResend()
    {
        await using var server = RawHttpServer.Start(exchange =>
            exchange.RespondAsync(500, "<html>" + new string('x', 2_000_000) + "</html>", "text/html"));
        using var client = TestOptions.Client(server.BaseAddress, o => o.MaxResponseContentBytes = 1024 * 1024);

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => client.Entities.CreateAsync(NewEntity(), Ct));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.StartsWith("<html>xxxx", ex.Error.BodySnippet);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task GetAsync_HugeErrorBodyOnGet_StatusStillReachesTheRetryClassifier()
    {
        await using var server = RawHttpServer.Start(exchange => exchange.Number < 3
            ? exchange.RespondAsync(503, new string('x', 500_000), "text/plain")
            : exchange.RespondAsync(200, EntityJson));
        using var client = TestOptions.Client(server.BaseAddress, o => o.MaxResponseContentBytes = 1024);

        var entity = await client.Entities.GetAsync(1, Ct);

        Assert.Equal(1, entity.Id);
        Assert.Equal(3, server.Requests);
    }
}
