using System.Net;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// Who stopped a call, as the caller sees it: the caller's own token (an <see cref="OperationCanceledException"/>
/// carrying that token and naming the request), or a cancellation inside the HTTP stack that the caller did not
/// ask for (a <see cref="CrmTimeoutException"/> that says so).
/// </summary>
public sealed class CancellationSourceTests
{
    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Holds every request until it is cancelled, and signals when one has arrived.</summary>
    private sealed class HoldingHandler : HttpMessageHandler
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Arrived => _arrived.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Not reached.");
        }
    }

    private static ElasticFunnelsCrmClient Client(HttpMessageHandler handler, ILoggerFactory? loggerFactory = null) =>
        new(CrmClientRuntime.Create(TestOptions.For(BaseAddress, TestOptions.NoRetries), loggerFactory: loggerFactory), handler, disposeHandler: true);

    [Fact]
    public async Task GetAsync_CallerCancelsWhileTheRequestIsOut_CancellationNamesTheRequestAndCarriesTheCallersToken()
    {
        var handler = new HoldingHandler();
        using var client = Client(handler);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = client.Entities.GetAsync(1, caller.Token);
        await handler.Arrived.WaitAsync(Ct);
        await caller.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<CrmTimeoutException>(ex);
        Assert.Equal(caller.Token, ex.CancellationToken);
        Assert.Equal("GET /api/brands/42/crm/entities/1 was cancelled by the caller.", ex.Message);
    }

    [Fact]
    public async Task GetAsync_NoTotalTimeoutAndCallerCancelsWhileTheRequestIsOut_SameMessageAndTheCallersToken()
    {
        // Without a total timeout the call has no deadline of its own for the caller's token to cancel;
        // cancelling must still reach the request, and must not fail in the caller's Cancel.
        var handler = new HoldingHandler();
        using var client = Client(handler);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = client.Entities.GetAsync(1, new CrmRequestOptions { Timeout = Timeout.InfiniteTimeSpan }, caller.Token);
        await handler.Arrived.WaitAsync(Ct);
        await caller.CancelAsync();

        var ex = await Assert.ThrowsAsync<OperationCanceledException>(() => call);
        Assert.Equal(caller.Token, ex.CancellationToken);
        Assert.Equal("GET /api/brands/42/crm/entities/1 was cancelled by the caller.", ex.Message);
    }

    [Fact]
    public async Task GetAsync_TransportCancelsWithoutTheCaller_TimeoutExceptionSaysTheHttpStackDidIt()
    {
        var handler = new AnsweringHandler(_ => throw new TaskCanceledException("The connection attempt timed out."));
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal("GET /api/brands/42/crm/entities/1 was cancelled by a timeout of the HTTP stack (for example the connect timeout), not by the caller.", ex.Message);
        Assert.IsType<TaskCanceledException>(ex.InnerException);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task GetAsync_TokenAlreadyCancelled_NothingSentAndNoRequestLogged()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var handler = new AnsweringHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        using var client = Client(handler, loggerFactory);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Entities.GetAsync(1, cancelled.Token));

        Assert.Equal(cancelled.Token, ex.CancellationToken);
        Assert.Equal(0, handler.Requests);
        Assert.Empty(logs.Records);
    }
}
