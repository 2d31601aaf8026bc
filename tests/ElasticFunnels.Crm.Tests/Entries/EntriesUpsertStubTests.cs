using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ElasticFunnels.Crm.Tests.Entries;

/// <summary>Upsert by reference against WireMock: exact lookups and writes, counted at the stub.</summary>
public sealed class EntriesUpsertStubTests
{
    private const string ListPath = "/api/brands/42/crm/entities/1/entries";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EntryCreateRequest Lead(string referenceId = "conv-1") => new()
    {
        Title = "Jane Doe",
        PipelineId = 1,
        StageId = 1,
        ReferenceType = "conversion",
        ReferenceId = referenceId,
        Values = new Dictionary<string, FieldValue> { ["email"] = "jane@example.com" },
    };

    private static string EntryJson(string id, string referenceId = "conv-1") =>
        new JsonObject { ["id"] = id, ["title"] = "Jane Doe", ["reference_type"] = "conversion", ["reference_id"] = referenceId }.ToJsonString();

    private static string Page(int currentPage, int lastPage, long total, params string[] entries) =>
        $$"""{"data":[{{string.Join(",", entries)}}],"current_page":{{currentPage}},"last_page":{{lastPage}},"per_page":100,"total":{{total}}}""";

    private static int Count(CrmStub stub, string method, string path) =>
        stub.Requests.Count(r => r.RequestMessage!.Method == method && r.RequestMessage.Path == path);

    [Fact]
    public async Task UpsertByReferenceAsync_Absent_LooksUpByReferenceThenPostsTheRequest()
    {
        using var stub = new CrmStub();
        stub.Respond("GET", ListPath, json: Page(1, 1, 0));
        stub.Respond("POST", ListPath, 201, EntryJson("es-new"));

        var result = await stub.Client.Entries.UpsertByReferenceAsync(1, Lead(), Ct);

        Assert.True(result.Created);
        Assert.Equal("es-new", result.Entry.Id);
        Assert.Equal(0, result.MatchCount);
        var requests = stub.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("GET", requests[0].RequestMessage!.Method);
        Assert.Equal(
            new Dictionary<string, string> { ["reference_type"] = "conversion", ["reference_id"] = "conv-1", ["per_page"] = "100" },
            CrmStub.ParseQuery(new Uri(requests[0].RequestMessage!.AbsoluteUrl).Query));
        Assert.Equal("POST", requests[1].RequestMessage!.Method);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"title":"Jane Doe","pipeline_id":1,"stage_id":1,"reference_type":"conversion","reference_id":"conv-1","values":{"email":"jane@example.com"}}"""),
            JsonNode.Parse(requests[1].RequestMessage!.Body!)));
    }

    [Fact]
    public async Task UpsertByReferenceAsync_Present_PutsToNestedRouteWithoutPipelineOrStage()
    {
        using var stub = new CrmStub();
        stub.Respond("GET", ListPath, json: Page(1, 1, 1, EntryJson("es-1")));
        stub.Respond("PUT", ListPath + "/es-1", json: EntryJson("es-1"));

        var result = await stub.Client.Entries.UpsertByReferenceAsync(1, Lead(), Ct);

        Assert.False(result.Created);
        Assert.Equal(1, result.MatchCount);
        Assert.Equal(0, Count(stub, "POST", ListPath));
        var put = Assert.Single(stub.Requests, r => r.RequestMessage!.Method == "PUT").RequestMessage!;
        Assert.Equal(ListPath + "/es-1", put.Path);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"title":"Jane Doe","reference_type":"conversion","reference_id":"conv-1","values":{"email":"jane@example.com"}}"""),
            JsonNode.Parse(put.Body!)));
    }

    [Fact]
    public async Task UpsertByReferenceAsync_TwentyConcurrentWhileSearchLags_OnePostAtTheStub()
    {
        using var stub = new CrmStub();

        // The search never lists the new entry (Elasticsearch lag), so only the client's memory prevents twins.
        stub.Respond("GET", ListPath, json: Page(1, 1, 0));
        stub.Server.Given(Request.Create().WithPath(ListPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(EntryJson("es-1")).WithDelay(20));
        stub.Respond("PUT", ListPath + "/es-1", json: EntryJson("es-1"));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => stub.Client.Entries.UpsertByReferenceAsync(1, Lead(), Ct)));

        Assert.Equal(1, Count(stub, "POST", ListPath));
        Assert.Equal(19, Count(stub, "PUT", ListPath + "/es-1"));
        Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal("es-1", r.Entry.Id));
    }

    [Fact]
    public async Task UpsertByReferenceAsync_SeveralMatches_UpdatesTheOldest()
    {
        using var stub = new CrmStub();
        stub.Respond("GET", ListPath, json: Page(1, 1, 2, EntryJson("es-duplicate"), EntryJson("es-original")));
        stub.Respond("PUT", ListPath + "/es-original", json: EntryJson("es-original"));

        var result = await stub.Client.Entries.UpsertByReferenceAsync(1, Lead(), Ct);

        Assert.Equal("es-original", result.Entry.Id);
        Assert.Equal(2, result.MatchCount);
        Assert.Equal(1, Count(stub, "PUT", ListPath + "/es-original"));
        Assert.Equal(0, Count(stub, "PUT", ListPath + "/es-duplicate"));
    }

    [Fact]
    public async Task UpsertByReferenceAsync_MoreMatchesThanAPage_ReadsTheLastPageForTheOldest()
    {
        using var stub = new CrmStub();
        stub.Server.Given(Request.Create().WithPath(ListPath).UsingGet().WithParam("page", "2"))
            .AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Page(2, 2, 101, EntryJson("es-old"))));
        stub.Server.Given(Request.Create().WithPath(ListPath).UsingGet())
            .AtPriority(2)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(Page(1, 2, 101, EntryJson("es-newer"))));
        stub.Respond("PUT", ListPath + "/es-old", json: EntryJson("es-old"));

        var result = await stub.Client.Entries.UpsertByReferenceAsync(1, Lead(), Ct);

        Assert.Equal("es-old", result.Entry.Id);
        Assert.Equal(101, result.MatchCount);
        var pageTwo = Assert.Single(stub.Requests, r => r.RequestMessage!.Method == "GET" && r.RequestMessage.AbsoluteUrl.Contains("page=2", StringComparison.Ordinal));
        Assert.Equal(
            new Dictionary<string, string> { ["reference_type"] = "conversion", ["reference_id"] = "conv-1", ["per_page"] = "100", ["page"] = "2" },
            CrmStub.ParseQuery(new Uri(pageTwo.RequestMessage!.AbsoluteUrl).Query));
    }

    [Fact]
    public async Task UpsertByReferenceAsync_SearchReturnsOnlyAnotherReference_Creates()
    {
        using var stub = new CrmStub();
        stub.Respond("GET", ListPath, json: Page(1, 1, 1, EntryJson("es-12", referenceId: "conv-12")));
        stub.Respond("POST", ListPath, 201, EntryJson("es-1"));

        var result = await stub.Client.Entries.UpsertByReferenceAsync(1, Lead("conv-1"), Ct);

        Assert.True(result.Created);
        Assert.Equal(0, Count(stub, "PUT", ListPath + "/es-12"));
    }

    [Fact]
    public async Task UpsertByReferenceAsync_RememberedEntryDeleted_CreatesItAgain()
    {
        using var stub = new CrmStub();
        stub.Respond("GET", ListPath, json: Page(1, 1, 0));
        stub.Respond("POST", ListPath, 201, EntryJson("es-1"));
        stub.Respond("PUT", ListPath + "/es-1", 404, """{"message":"Entry not found."}""");
        await stub.Client.Entries.UpsertByReferenceAsync(1, Lead(), Ct);

        var second = await stub.Client.Entries.UpsertByReferenceAsync(1, Lead(), Ct);

        Assert.True(second.Created);
        Assert.Equal(2, Count(stub, "POST", ListPath));
        Assert.Equal(1, Count(stub, "PUT", ListPath + "/es-1"));
    }

    [Theory]
    [InlineData(9 * 60, false, 1, 1)]
    [InlineData((10 * 60) + 1, true, 2, 0)]
    public async Task UpsertByReferenceAsync_SearchLags_RemembersTheCreatedEntryForTenMinutesOfTheClientsClock(int secondsLater, bool createdAgain, int posts, int puts)
    {
        using var stub = new CrmStub();
        var time = new FakeTimeProvider();
        using var crm = stub.ClientWithClock(time);
        stub.Respond("GET", ListPath, json: Page(1, 1, 0));
        stub.Respond("POST", ListPath, 201, EntryJson("es-1"));
        stub.Respond("PUT", ListPath + "/es-1", json: EntryJson("es-1"));
        await crm.Entries.UpsertByReferenceAsync(1, Lead(), Ct);
        time.Advance(TimeSpan.FromSeconds(secondsLater));

        var second = await crm.Entries.UpsertByReferenceAsync(1, Lead(), Ct);

        Assert.Equal(createdAgain, second.Created);
        Assert.Equal(posts, Count(stub, "POST", ListPath));
        Assert.Equal(puts, Count(stub, "PUT", ListPath + "/es-1"));
    }

    [Fact]
    public async Task UpsertByReferenceAsync_LookupFails_ThrowsTypedErrorAndWritesNothing()
    {
        using var stub = new CrmStub();
        stub.Respond("GET", ListPath, 403, """{"message":"Forbidden"}""");

        await Assert.ThrowsAsync<CrmPermissionException>(() => stub.Client.Entries.UpsertByReferenceAsync(1, Lead(), Ct));

        Assert.All(stub.Requests, r => Assert.Equal("GET", r.RequestMessage!.Method));
    }
}
