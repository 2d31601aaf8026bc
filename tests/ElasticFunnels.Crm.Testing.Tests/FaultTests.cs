using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task FailNext_429WithRetryAfter_AnswersDocumentedBodyAndHeaderThenRecovers()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.FailNext(2, 429, TimeSpan.FromSeconds(1.2));

        var first = await api.Post("entities", """{"name":"X","slug":"x"}""");
        var second = await api.Get("entities");
        var third = await api.Get("entities");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.Equal("""{"message":"Too many requests. Please slow down."}""", first.Text);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Response.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Single(third.Body.AsArray());
        Assert.Equal(0, api.Emulator.Faults.PendingFailures);
    }

    [Fact]
    public async Task FailNext_503WithoutRetryAfter_HasNoHeader()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.FailNext(1, 503);

        var result = await api.Get("entities");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.Status);
        Assert.Equal("Service Unavailable", result.Body["message"]!.GetValue<string>());
        Assert.Null(result.Response.Headers.RetryAfter);
    }

    [Fact]
    public async Task FailNext_RetryAfterDate_SendsHttpDate()
    {
        await using var api = Api.Seeded();
        var at = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        api.Emulator.Faults.FailNext(1, 503, at);

        var result = await api.Get("entities");

        Assert.Equal(at, result.Response.Headers.RetryAfter!.Date);
    }

    [Fact]
    public async Task FailNext_QueuedBatches_AreConsumedInOrder()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.FailNext(2, 503);
        api.Emulator.Faults.FailNext(1, 500);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await api.Get("entities")).Status);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task FailNext_CustomHtmlBody_IsServedAsHtml()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.FailNext(1, 502, body: "<html><body>Bad gateway</body></html>");

        var result = await api.Get("entities");

        Assert.Equal(HttpStatusCode.BadGateway, result.Status);
        Assert.Equal("text/html", result.ContentType);
        Assert.Contains("Bad gateway", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailNext_Redirect_PointsToLoginPage()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.FailNext(1, 302);

        var result = await api.Get("entities");

        Assert.Equal(HttpStatusCode.Found, result.Status);
        Assert.Equal("/login", result.Response.Headers.Location!.OriginalString);
        Assert.Equal("text/html", result.ContentType);
    }

    [Fact]
    public async Task FailNext_FailedWrite_DoesNotChangeState()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.FailNext(1, 500);

        var result = await api.Post("entities/1/entries", """{"title":"X","pipeline_id":1,"stage_id":1}""");

        Assert.Equal(HttpStatusCode.InternalServerError, result.Status);
        Assert.Equal(0, api.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task FailNext_UnauthenticatedRequests_DoNotConsumeFaults()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.FailNext(1, 503);
        using var anonymous = new HttpClient(api.Emulator.CreateHandler()) { BaseAddress = api.Emulator.BaseAddress };

        var denied = await anonymous.GetAsync("brands/42/crm/entities");
        var faulted = await api.Get("entities");

        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.Status);
    }

    [Fact]
    public async Task Clear_QueuedFaults_AreDropped()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.FailNext(3, 503);
        api.Emulator.Faults.DelayNext(3, TimeSpan.FromSeconds(30));

        api.Emulator.Faults.Clear();
        var result = await api.Get("entities");

        Assert.Equal(HttpStatusCode.OK, result.Status);
    }

    [Fact]
    public void FailNext_InvalidArguments_Throw()
    {
        using var emulator = new CrmEmulator();

        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.FailNext(-1, 500));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.FailNext(1, 99));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.DelayNext(1, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Latency = TimeSpan.FromSeconds(-1));
    }

    [Fact]
    public async Task DelayNext_DelaysOnlyTheNextRequests()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.DelayNext(1, TimeSpan.FromMilliseconds(200));

        var slow = Stopwatch.StartNew();
        await api.Get("entities");
        slow.Stop();
        var fast = Stopwatch.StartNew();
        await api.Get("entities");
        fast.Stop();

        Assert.True(slow.Elapsed >= TimeSpan.FromMilliseconds(180), $"slow took {slow.Elapsed}");
        Assert.True(fast.Elapsed < TimeSpan.FromMilliseconds(150), $"fast took {fast.Elapsed}");
    }

    [Fact]
    public async Task Latency_Cancelled_ThrowsButChangeIsApplied()
    {
        await using var api = Api.Seeded();
        api.Emulator.Latency = TimeSpan.FromSeconds(30);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            api.Send(HttpMethod.Post, "entities/1/entries", """{"title":"X","pipeline_id":1,"stage_id":1}""", cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(1, api.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task Latency_FromOptionsOnFakeClock_CompletesWhenClockAdvances()
    {
        var time = new FakeTimeProvider();
        await using var api = new Api(new CrmEmulatorOptions { TimeProvider = time, Latency = TimeSpan.FromSeconds(10) });

        var pending = api.Get("entity-presets");
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(10), api.Emulator.Latency);
    }
}
