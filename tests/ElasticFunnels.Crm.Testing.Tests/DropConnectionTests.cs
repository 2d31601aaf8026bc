using System.Net;
using System.Net.Http.Json;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class DropConnectionTests
{
    [Fact]
    public async Task DropConnectionNext_InMemory_ThrowsLikeASocketAndChangesNothing()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.DropConnectionNext(1);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => api.Post("entities/1/entries", """{"title":"Jane","pipeline_id":1,"stage_id":1}"""));
        var next = await api.Get("entities");

        Assert.Equal(HttpRequestError.ResponseEnded, ex.HttpRequestError);
        Assert.IsType<IOException>(ex.InnerException);
        Assert.Equal(0, api.Emulator.EntryCount(1));
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal(0, api.Emulator.Faults.PendingFailures);
    }

    [Fact]
    public async Task DropConnectionNext_AfterProcessing_TheWriteHappensButNoAnswerArrives()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.DropConnectionNext(1, afterProcessing: true);

        await Assert.ThrowsAsync<HttpRequestException>(() => api.Post("entities/1/entries", """{"title":"Jane","pipeline_id":1,"stage_id":1}"""));

        Assert.Equal(1, api.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task DropConnectionNext_QueuesWithFailuresInOrder()
    {
        await using var api = Api.Seeded();
        api.Emulator.Faults.FailNext(1, 503);
        api.Emulator.Faults.DropConnectionNext(2);
        api.Emulator.Faults.DropConnectionNext(0);

        var first = await api.Get("entities");
        await Assert.ThrowsAsync<HttpRequestException>(() => api.Get("entities"));
        Assert.Equal(1, api.Emulator.Faults.PendingFailures);
        await Assert.ThrowsAsync<HttpRequestException>(() => api.Get("entities"));
        var last = await api.Get("entities");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal(HttpStatusCode.OK, last.Status);
        Assert.Throws<ArgumentOutOfRangeException>(() => api.Emulator.Faults.DropConnectionNext(-1));
    }

    [Fact]
    public async Task DropConnectionNext_Loopback_AbortsTheConnection()
    {
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true });
        var baseAddress = await emulator.StartServerAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Add("EF-Access-Key", emulator.AccessKey);
        emulator.Faults.DropConnectionNext(1, afterProcessing: true);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            http.PostAsync("brands/42/crm/entities/1/entries", JsonContent.Create(new { title = "Jane", pipeline_id = 1, stage_id = 1 }), TestContext.Current.CancellationToken));
        var after = await http.GetAsync("brands/42/crm/entities", TestContext.Current.CancellationToken);

        Assert.Equal(1, emulator.EntryCount(1));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
