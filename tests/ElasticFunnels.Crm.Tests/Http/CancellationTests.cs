using System.Diagnostics;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// The caller's token is honoured in every phase and surfaces as <see cref="OperationCanceledException"/>;
/// a timeout in the same phase is a <see cref="CrmTimeoutException"/>. The server holds each phase for
/// up to 30 s; the token fires 50 ms after the server saw the call reach the phase, so returning within
/// 1 s of it can only mean the token was honoured in that phase (the bound is generous for a loaded
/// 2-core machine; the usual latency is a few milliseconds).
/// </summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan CancelAfter = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    public enum Phase
    {
        Connect,
        WaitingForHeaders,
        ReadingBody,
        BackoffDelay,
    }

    private static RawHttpServer Server(Phase phase, TaskCompletionSource? reached = null) => phase switch
    {
        // https to a server that accepts the connection and never answers: the client waits in the TLS handshake.
        Phase.Connect => RawHttpServer.StartSilent(),
        Phase.WaitingForHeaders => RawHttpServer.Start(exchange =>
        {
            reached?.TrySetResult();
            return exchange.StaySilentAsync();
        }),
        Phase.ReadingBody => RawHttpServer.Start(async exchange =>
        {
            await exchange.SendHeadAsync(200, 1000);
            await exchange.WriteAsync("{\"id\":1,"u8.ToArray());
            reached?.TrySetResult();
            await exchange.StaySilentAsync();
        }),
        _ => RawHttpServer.Start(async exchange =>
        {
            await exchange.RespondAsync(503, """{"message":"Down for maintenance."}""");
            reached?.TrySetResult();
        }),
    };

    private static ElasticFunnelsCrmClient Client(RawHttpServer server, Phase phase, Action<ElasticFunnelsCrmOptions>? configure = null) =>
        TestOptions.Client(phase == Phase.Connect ? server.HttpsBaseAddress : server.BaseAddress, o =>
        {
            if (phase == Phase.BackoffDelay)
            {
                o.Retry.BaseDelay = RawHttpServer.MaxHold;
                o.Retry.MaxDelay = RawHttpServer.MaxHold;
            }

            configure?.Invoke(o);
        });

    [Theory]
    [InlineData(Phase.Connect)]
    [InlineData(Phase.WaitingForHeaders)]
    [InlineData(Phase.ReadingBody)]
    [InlineData(Phase.BackoffDelay)]
    public async Task GetAsync_CallerCancelsInPhase_OperationCanceledExceptionPromptly(Phase phase)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = Server(phase, reached);
        using var client = Client(server, phase);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var call = client.Entities.GetAsync(1, cts.Token);

        // Cancel only once the call is in the phase (the server saw it get there), then a little later,
        // so that a loaded machine cannot turn this into a test of an earlier phase.
        await InPhase(server, phase, reached.Task);
        await Task.Delay(CancelAfter, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.True(clock.Elapsed < Bound, $"Cancellation in phase {phase} took {clock.Elapsed}.");
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(phase == Phase.Connect ? 0 : 1, server.Requests);
        Assert.Equal(1, server.Connections);
    }

    private static async Task InPhase(RawHttpServer server, Phase phase, Task reached)
    {
        if (phase != Phase.Connect)
        {
            await reached.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            return;
        }

        var clock = Stopwatch.StartNew();
        while (server.Connections == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    [Theory]
    [InlineData(Phase.Connect)]
    [InlineData(Phase.WaitingForHeaders)]
    [InlineData(Phase.ReadingBody)]
    public async Task CreateAsync_AttemptTimeoutInPhase_CrmTimeoutExceptionNotCancellation(Phase phase)
    {
        await using var server = Server(phase);
        using var client = Client(server, phase, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads" }, TestContext.Current.CancellationToken));

        Assert.Contains("AttemptTimeout", ex.Message);
        Assert.True(clock.Elapsed < Bound * 3, $"Timeout in phase {phase} took {clock.Elapsed}.");
    }

    [Fact]
    public async Task GetAsync_TotalTimeoutDuringBackoff_CrmTimeoutException()
    {
        await using var server = Server(Phase.BackoffDelay);
        using var client = Client(server, Phase.BackoffDelay, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(200);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        });
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => client.Entities.GetAsync(1, TestContext.Current.CancellationToken));

        Assert.Contains("(ElasticFunnelsCrmOptions.Timeout, the budget of the whole call)", ex.Message);
        Assert.True(clock.Elapsed < Bound * 3, $"Took {clock.Elapsed}.");
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task GetAsync_TokenAlreadyCancelled_NothingIsSent()
    {
        await using var server = Server(Phase.WaitingForHeaders);
        using var client = Client(server, Phase.WaitingForHeaders);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Entities.GetAsync(1, new CancellationToken(canceled: true)));

        Assert.Equal(0, server.Connections);
    }
}
