using ElasticFunnels.Crm.Tests.Infrastructure;
using static ElasticFunnels.Crm.Tests.Infrastructure.Replies;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>Per-call options: a timeout for this call, extra headers, retries off, each checked before anything is sent.</summary>
public sealed class RequestOptionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Timeout_ShorterThanTheClients_CallFailsWithTheCallsTimeout()
    {
        using var stub = new CrmStub(o => o.Timeout = TimeSpan.FromSeconds(30));
        stub.Sequence("GET", Delayed(TimeSpan.FromSeconds(2)));

        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() =>
            stub.Client.Entities.GetAsync(1, new CrmRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) }, Ct));

        Assert.Equal("GET /api/brands/42/crm/entities/1 did not complete within 0.2 s (CrmRequestOptions.Timeout, the budget of the whole call).", ex.Message);
    }

    [Fact]
    public async Task Timeout_LongerThanTheClients_CallSucceedsWhereTheClientsWouldFail()
    {
        using var stub = new CrmStub(o => o.Timeout = TimeSpan.FromMilliseconds(300));
        stub.Sequence("GET", Delayed(TimeSpan.FromMilliseconds(900)));

        await Assert.ThrowsAsync<CrmTimeoutException>(() => stub.Client.Entities.GetAsync(1, Ct));
        var entity = await stub.Client.Entities.GetAsync(1, new CrmRequestOptions { Timeout = TimeSpan.FromSeconds(20) }, Ct);

        Assert.Equal("Leads", entity.Name);
    }

    [Fact]
    public async Task AttemptTimeout_PerCall_ReplacesTheClientsAndNamesItself()
    {
        using var stub = new CrmStub(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        stub.Sequence("POST", Delayed(TimeSpan.FromMilliseconds(700), 201));

        var entity = await stub.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads" }, new CrmRequestOptions { AttemptTimeout = TimeSpan.FromSeconds(20) }, Ct);
        var ex = await Assert.ThrowsAsync<CrmTimeoutException>(() =>
            stub.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads" }, new CrmRequestOptions { AttemptTimeout = TimeSpan.FromMilliseconds(150) }, Ct));

        Assert.Equal("Leads", entity.Name);
        Assert.Equal("POST /api/brands/42/crm/entities did not complete within 0.15 s (CrmRequestOptions.AttemptTimeout, the budget of one attempt).", ex.Message);
    }

    [Fact]
    public async Task Headers_Extra_SentOnEveryAttemptOnceAndNotOnOtherCalls()
    {
        using var stub = new CrmStub();
        stub.Sequence("GET", Status(503), Ok());
        stub.Respond("DELETE", "/api/brands/42/crm/entities/1", 204);
        var options = new CrmRequestOptions { Headers = { ["X-Trace-Id"] = "trace-1", ["X-Tenant"] = "acme" } };

        await stub.Client.Entities.GetAsync(1, options, Ct);
        await stub.Client.Entities.DeleteAsync(1, Ct);

        var requests = stub.Requests.Select(r => r.RequestMessage!).ToList();
        var gets = requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal(2, gets.Count);
        Assert.All(gets, r => Assert.Equal(["trace-1"], r.Headers!["X-Trace-Id"]));
        Assert.All(gets, r => Assert.Equal(["acme"], r.Headers!["X-Tenant"]));
        Assert.False(Assert.Single(requests, r => r.Method == "DELETE").Headers!.ContainsKey("X-Trace-Id"));
        Assert.All(requests, r => Assert.Equal([CrmStub.AccessKey], r.Headers!["EF-Access-Key"]));
    }

    [Theory]
    [InlineData("EF-Access-Key")]
    [InlineData("ef-access-key")]
    [InlineData("Accept")]
    [InlineData("Host")]
    [InlineData("Content-Length")]
    [InlineData("Content-Type")]
    [InlineData("Transfer-Encoding")]
    [InlineData("Authorization")]
    [InlineData("Cookie")]
    [InlineData("Connection")]
    [InlineData("Proxy-Authorization")]
    public async Task Headers_OwnedBySdk_RefusedBeforeSending(string name)
    {
        using var stub = new CrmStub().RespondToAll(200, Replies.EntityJson);
        var options = new CrmRequestOptions { Headers = { [name] = "evil" } };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Entities.GetAsync(1, options, Ct));

        Assert.Equal("requestOptions", ex.ParamName);
        Assert.Contains($"cannot set '{name}'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("X-Ok", "line\r\nEF-Access-Key: stolen")]
    [InlineData("X-Ok", "nul\0")]
    [InlineData("X-Ok", "naïve")]
    [InlineData("X Bad", "v")]
    [InlineData("X-Bad:", "v")]
    [InlineData("", "v")]
    public async Task Headers_Malformed_RefusedBeforeSending(string name, string value)
    {
        using var stub = new CrmStub().RespondToAll(200, Replies.EntityJson);
        var options = new CrmRequestOptions { Headers = { [name] = value } };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Entities.DeleteAsync(1, options, Ct));

        Assert.Equal("requestOptions", ex.ParamName);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Headers_ChangedWhileCallRuns_CallKeepsWhatItStartedWith()
    {
        using var stub = new CrmStub();
        stub.Sequence("GET", Delayed(TimeSpan.FromMilliseconds(200)));
        var options = new CrmRequestOptions { Headers = { ["X-Trace-Id"] = "before" } };

        var call = stub.Client.Entities.GetAsync(1, options, Ct);
        options.Headers["X-Trace-Id"] = "after";
        await call;

        Assert.Equal(["before"], Assert.Single(stub.Requests).RequestMessage!.Headers!["X-Trace-Id"]);
    }

    [Fact]
    public async Task DisableRetries_TransientFailure_SentOnce()
    {
        using var stub = new CrmStub();
        stub.Sequence("GET", Status(503), Ok());

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => stub.Client.Entities.GetAsync(1, new CrmRequestOptions { DisableRetries = true }, Ct));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-20)]
    public async Task Timeout_OutOfRange_RefusedBeforeSending(int milliseconds)
    {
        using var stub = new CrmStub().RespondToAll(200, Replies.EntityJson);

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            stub.Client.Entities.GetAsync(1, new CrmRequestOptions { Timeout = TimeSpan.FromMilliseconds(milliseconds) }, Ct));

        Assert.Equal("requestOptions", ex.ParamName);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Options_MultiRequestMethods_ApplyToEachRequest()
    {
        using var stub = new CrmStub();
        stub.Sequence(
            "GET",
            r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"data":[{"id":"a"}],"current_page":1,"last_page":2,"per_page":1,"total":2}"""),
            r => r.WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"data":[{"id":"b"}],"current_page":2,"last_page":2,"per_page":1,"total":2}"""));
        var options = new CrmRequestOptions { Headers = { ["X-Job"] = "export-7" } };

        var ids = new List<string>();
        await foreach (var entry in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 1 }, options, Ct))
        {
            ids.Add(entry.Id);
        }

        Assert.Equal(["a", "b"], ids);
        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.Equal(["export-7"], r.RequestMessage!.Headers!["X-Job"]));
    }

    [Fact]
    public async Task Options_BulkWithBadHeader_RefusedBeforeAnyItemIsSent()
    {
        using var stub = new CrmStub().RespondToAll(201, """{"id":"x"}""");

        await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Entries.CreateManyAsync(
            1,
            [new EntryCreateRequest { Title = "a", PipelineId = 1, StageId = 1 }],
            null,
            new CrmRequestOptions { Headers = { ["Accept"] = "text/html" } },
            Ct));

        Assert.Empty(stub.Requests);
    }
}
