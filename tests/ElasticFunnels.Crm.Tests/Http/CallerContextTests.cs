using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// A call started on a thread with a <see cref="SynchronizationContext"/> (a UI thread, old ASP.NET) never
/// resumes on that context, whichever step of receiving the answer completes later: the headers, opening
/// the body, reading it, or closing it. Resuming there would cost a hop per step and deadlock callers that
/// block on the task.
/// </summary>
public sealed class CallerContextTests
{
    private static readonly Uri BaseAddress = new("https://api.example.test/api/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum LateStep
    {
        Headers,
        OpenBody,
        ReadBody,
        CloseBody,
    }

    [Theory]
    [InlineData(LateStep.Headers)]
    [InlineData(LateStep.OpenBody)]
    [InlineData(LateStep.ReadBody)]
    [InlineData(LateStep.CloseBody)]
    public async Task GetAsync_StepOfTheAnswerCompletingLater_NeverResumesOnTheCallersContext(LateStep late)
    {
        using var client = new ElasticFunnelsCrmClient(CrmClientRuntime.Create(TestOptions.For(BaseAddress, TestOptions.NoRetries)), new LateHandler(late), disposeHandler: true);
        var context = new CountingContext();

        Task<CrmEntity> call;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            call = client.Entities.GetAsync(1, Ct);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        var entity = await call;

        Assert.Equal("Leads", entity.Name);
        Assert.Equal(0, context.Posts);
    }

    /// <summary>Completes later, on the thread pool: never through the caller's context, so only the SDK's own awaits can post to it.</summary>
    private static async Task Later() => await Task.Delay(1, CancellationToken.None).ConfigureAwait(false);

    /// <summary>Runs what is posted to it on the thread pool (without itself), and counts the posts.</summary>
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

    private sealed class LateHandler(LateStep late) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (late == LateStep.Headers)
            {
                await Later().ConfigureAwait(false);
            }

            var content = new LateContent(Encoding.UTF8.GetBytes(Replies.EntityJson), late);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }

    private sealed class LateContent(byte[] body, LateStep late) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override async Task<Stream> CreateContentReadStreamAsync()
        {
            if (late == LateStep.OpenBody)
            {
                await Later().ConfigureAwait(false);
            }

            return new LateStream(body, late);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }

    private sealed class LateStream(byte[] body, LateStep late) : MemoryStream(body, writable: false)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (late == LateStep.ReadBody)
            {
                await Later().ConfigureAwait(false);
            }

            return Read(buffer.Span);
        }

        public override async ValueTask DisposeAsync()
        {
            if (late == LateStep.CloseBody)
            {
                await Later().ConfigureAwait(false);
            }

            await base.DisposeAsync().ConfigureAwait(false);
        }
    }
}
