using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Testing.Tests;

public sealed class EntryListTests
{
    [Fact]
    public async Task ListEntries_Defaults_MatchDocumentedShapeAndPaging()
    {
        await using var api = Api.Seeded();
        for (var i = 0; i < 30; i++)
        {
            await api.CreateLead($"Lead {i}", stageId: 2, extra: ""","reference_type":"conversion","reference_id":"conv-123" """, values: """{"email":"jane@example.com","lead_source":"Facebook"}""");
        }

        var result = await api.Get("entities/1/entries");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Shape.AssertMatches(DocumentedExamples.EntryListResponse, result.Json);
        Assert.Equal(25, result.Body["data"]!.AsArray().Count);
        Assert.Equal(1, result.Body["current_page"]!.GetValue<long>());
        Assert.Equal(2, result.Body["last_page"]!.GetValue<long>());
        Assert.Equal(25, result.Body["per_page"]!.GetValue<long>());
        Assert.Equal(30, result.Body["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task ListEntries_SecondPage_ReturnsRemainder()
    {
        await using var api = Api.Seeded();
        for (var i = 0; i < 7; i++)
        {
            await api.CreateLead($"Lead {i}");
        }

        var page2 = await api.Get("entities/1/entries?per_page=3&page=2");
        var page4 = await api.Get("entities/1/entries?per_page=3&page=4");

        Assert.Equal(["Lead 3", "Lead 2", "Lead 1"], page2.Body["data"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
        Assert.Equal(3, page2.Body["last_page"]!.GetValue<long>());
        Assert.Empty(page4.Body["data"]!.AsArray());
        Assert.Equal(4, page4.Body["current_page"]!.GetValue<long>());
    }

    [Fact]
    public async Task ListEntries_Empty_HasLastPageOne()
    {
        await using var api = Api.Seeded();

        var result = await api.Get("entities/1/entries");

        Assert.Empty(result.Body["data"]!.AsArray());
        Assert.Equal(1, result.Body["last_page"]!.GetValue<long>());
        Assert.Equal(0, result.Body["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task ListEntries_NewestFirst_EvenWithinOneClockTick()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero));
        await using var api = new Api(new CrmEmulatorOptions { TimeProvider = time, SeedLeadsEntity = true });
        await api.CreateLead("Old");
        time.Advance(TimeSpan.FromSeconds(1));
        await api.CreateLead("Tie A");
        await api.CreateLead("Tie B");

        var result = await api.Get("entities/1/entries");

        Assert.Equal(["Tie B", "Tie A", "Old"], result.Body["data"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("per_page=101", "per_page", "The per page field must not be greater than 100.")]
    [InlineData("per_page=0", "per_page", "The per page field must be at least 1.")]
    [InlineData("per_page=ten", "per_page", "The per page field must be an integer.")]
    [InlineData("page=0", "page", "The page field must be at least 1.")]
    [InlineData("stage_id=abc", "stage_id", "The stage id field must be an integer.")]
    [InlineData("include_customer=maybe", "include_customer", "The include customer field must be true or false.")]
    public async Task ListEntries_InvalidQuery_Returns422(string query, string attribute, string message)
    {
        await using var api = Api.Seeded();

        var result = await api.Get($"entities/1/entries?{query}");

        Assert.Contains(message, result.ErrorsFor(attribute));
    }

    [Fact]
    public async Task ListEntries_PerPage100_IsAccepted()
    {
        await using var api = Api.Seeded();

        var result = await api.Get("entities/1/entries?per_page=100");

        Assert.Equal(100, result.Body["per_page"]!.GetValue<long>());
    }

    [Fact]
    public async Task ListEntries_FilterByPipelineAndStage_ReturnsMatchesOnly()
    {
        await using var api = Api.Seeded();
        await api.Post("entities/1/pipelines", """{"name":"Other"}""");
        await api.Post("pipelines/2/stages", """{"name":"Elsewhere"}""");
        await api.CreateLead("S1", stageId: 1);
        await api.CreateLead("S2", stageId: 2);
        await api.Post("entities/1/entries", """{"title":"P2","pipeline_id":2,"stage_id":6}""");

        var byPipeline = await api.Get("entities/1/entries?pipeline_id=1");
        var byStage = await api.Get("entities/1/entries?pipeline_id=1&stage_id=2&per_page=50");

        Assert.Equal(["S2", "S1"], byPipeline.Body["data"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
        Assert.Equal(["S2"], byStage.Body["data"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
        Assert.Equal(1, byStage.Body["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task ListEntries_FilterByReference_ReturnsMatchesOnly()
    {
        await using var api = Api.Seeded();
        await api.CreateLead("A", extra: ""","reference_type":"conversion","reference_id":"conv-1" """);
        await api.CreateLead("B", extra: ""","reference_type":"conversion","reference_id":"conv-2" """);
        await api.CreateLead("C", extra: ""","reference_type":"order","reference_id":"conv-1" """);

        var byType = await api.Get("entities/1/entries?reference_type=conversion");
        var byBoth = await api.Get("entities/1/entries?reference_type=conversion&reference_id=conv-1");

        Assert.Equal(2, byType.Body["total"]!.GetValue<long>());
        Assert.Equal(["A"], byBoth.Body["data"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListEntries_SearchQ_MatchesTitleSubstringCaseInsensitively()
    {
        await using var api = Api.Seeded();
        await api.CreateLead("Jane Doe");
        await api.CreateLead("John Smith");
        await api.CreateLead("janet");

        var result = await api.Get("entities/1/entries?q=JAN");
        var spaced = await api.Get("entities/1/entries?q=jane+doe");

        Assert.Equal(["janet", "Jane Doe"], result.Body["data"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
        Assert.Equal(["Jane Doe"], spaced.Body["data"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListEntries_IncludeCustomer_AttachesCustomerWhenEmailIsSet()
    {
        await using var api = Api.Seeded();
        await api.CreateLead("Jane Doe", values: """{"email":"jane@example.com"}""");
        await api.CreateLead("No Email");

        var included = await api.Get("entities/1/entries?include_customer=true");
        var omitted = await api.Get("entities/1/entries");

        var data = included.Body["data"]!.AsArray();
        Assert.True(data[0]!.AsObject().ContainsKey("customer"));
        Assert.Null(data[0]!["customer"]);
        Assert.Equal("jane@example.com", data[1]!["customer"]!["email"]!.GetValue<string>());
        Assert.Equal("Jane", data[1]!["customer"]!["first_name"]!.GetValue<string>());
        Assert.False(omitted.Body["data"]![0]!.AsObject().ContainsKey("customer"));
    }

    [Fact]
    public async Task ListEntries_OnlyThatEntitysEntries()
    {
        await using var api = Api.Seeded();
        var rows = await api.CreateEntity("rows", mode: "data");
        await api.Post($"entities/{rows}/entries", """{"title":"Row"}""");
        await api.CreateLead("Lead");

        var result = await api.Get($"entities/{rows}/entries");

        Assert.Equal(["Row"], result.Body["data"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Get("entities/99/entries")).Status);
    }
}
