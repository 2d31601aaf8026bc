using System.Net;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// A call started on a UI-style synchronization context never resumes on it: a caller that blocks on the task
/// from that context (legacy ASP.NET, WinForms) cannot deadlock with the SDK.
/// </summary>
public sealed class SynchronizationContextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Counts what is posted to it, and runs it on the thread pool.</summary>
    private sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            d(state);
        }
    }

    /// <summary>Answers once the test opens the gate, so the SDK's await on the send is still pending when the call returns its task.</summary>
    private sealed class GatedHandler : HttpMessageHandler
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(Replies.EntityJson, Encoding.UTF8, "application/json") };
        }
    }

    [Fact]
    public async Task GetAsync_StartedOnASynchronizationContext_NeverPostsBackToIt()
    {
        var handler = new GatedHandler();
        using var client = new ElasticFunnelsCrmClient(CrmClientRuntime.Create(TestOptions.For(new Uri("https://api.example.test/api/"), TestOptions.NoRetries)), handler, disposeHandler: true);
        var context = new CountingContext();
        var previous = SynchronizationContext.Current;

        Task<CrmEntity> call;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            call = client.Entities.GetAsync(1, Ct);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        handler.Gate.SetResult();
        var entity = await call;

        Assert.Equal("Leads", entity.Name);
        Assert.Equal(0, context.Posts);
    }
}
