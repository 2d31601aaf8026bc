using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Entries;

public sealed class EntriesClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_DocumentedExample_SendsFiltersAndReadsPage()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1/entries", json: CrmStub.Fixture("entries/list.json"));

        var page = await stub.Client.Entries.ListAsync(1, new EntryListOptions { PipelineId = 1, StageId = 2, PerPage = 50 }, Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/entities/1/entries", query: new Dictionary<string, string>
        {
            ["pipeline_id"] = "1",
            ["stage_id"] = "2",
            ["per_page"] = "50",
        });
        Assert.Equal(1, page.PageNumber);
        Assert.Equal(4, page.LastPage);
        Assert.Equal(25, page.PerPage);
        Assert.Equal(87, page.Total);
        Assert.True(page.HasMore);
        var entry = Assert.Single(page.Values);
        Assert.Equal("es-doc-id-abc", entry.Id);
        Assert.Equal("Jane Doe", entry.Title);
        Assert.Equal(1, entry.PipelineId);
        Assert.Equal(2, entry.StageId);
        Assert.Equal(1, entry.CrmEntityId);
        Assert.Equal(42, entry.BrandId);
        Assert.Equal("conversion", entry.ReferenceType);
        Assert.Equal("conv-123", entry.ReferenceId);
        Assert.Null(entry.AssignedToUserId);
        Assert.Equal("jane@example.com", entry.Values["email"].GetString());
        Assert.Equal("Facebook", entry.Values["lead_source"].GetString());
        Assert.Equal(new DateTimeOffset(2024, 12, 10, 14, 0, 0, TimeSpan.Zero), entry.UpdatedAt);
    }

    [Fact]
    public async Task ListAsync_EveryFilter_SendsEveryQueryParameterEscaped()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1/entries", json: CrmStub.Fixture("entries/list.json"));
        const string hostile = "a&b=c#d+e f/ü?x";

        await stub.Client.Entries.ListAsync(
            1,
            new EntryListOptions
            {
                Page = 3,
                PerPage = 100,
                PipelineId = 1,
                StageId = 2,
                ReferenceType = "conversion",
                ReferenceId = "conv-1&2",
                Search = hostile,
                IncludeCustomer = true,
            },
            Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/entities/1/entries", query: new Dictionary<string, string>
        {
            ["page"] = "3",
            ["per_page"] = "100",
            ["pipeline_id"] = "1",
            ["stage_id"] = "2",
            ["reference_type"] = "conversion",
            ["reference_id"] = "conv-1&2",
            ["q"] = hostile,
            ["include_customer"] = "true",
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public async Task ListAsync_PerPageOutOfRange_ThrowsBeforeSending(int perPage)
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.Entries.ListAsync(1, new EntryListOptions { PerPage = perPage }, Ct));

        Assert.Contains("PerPage", ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task GetAsync_ByEntryId_SendsGet()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entries/es-doc-id-xyz", json: CrmStub.Fixture("entries/create.json"));

        var entry = await stub.Client.Entries.GetAsync("es-doc-id-xyz", Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/entries/es-doc-id-xyz");
        Assert.Equal("es-doc-id-xyz", entry.Id);
    }

    [Fact]
    public async Task GetAsync_InEntity_SendsNestedGet()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1/entries/es-doc-id-xyz", json: CrmStub.Fixture("entries/create.json"));

        var entry = await stub.Client.Entries.GetAsync(1, "es-doc-id-xyz", Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/entities/1/entries/es-doc-id-xyz");
        Assert.Equal("Jane Doe", entry.Title);
    }

    [Fact]
    public async Task CreateAsync_DocumentedExample_SendsFlatValuesAndReadsEntry()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities/1/entries", 201, CrmStub.Fixture("entries/create.json"));

        var entry = await stub.Client.Entries.CreateAsync(
            1,
            new EntryCreateRequest
            {
                Title = "Jane Doe",
                PipelineId = 1,
                StageId = 1,
                ReferenceType = "conversion",
                ReferenceId = "conv-123",
                Values = new Dictionary<string, FieldValue>
                {
                    ["email"] = "jane@example.com",
                    ["phone"] = "+15551234567",
                    ["lead_source"] = "Facebook",
                },
            },
            Ct);

        stub.AssertSent("POST", "/api/brands/42/crm/entities/1/entries", """
            {"title":"Jane Doe","pipeline_id":1,"stage_id":1,"reference_type":"conversion","reference_id":"conv-123",
             "values":{"email":"jane@example.com","phone":"+15551234567","lead_source":"Facebook"}}
            """);
        Assert.Equal("es-doc-id-xyz", entry.Id);
        Assert.Equal(1, entry.StageId);
        Assert.Equal(EntryValueSource.Flat, entry.Values.Source);
        Assert.Equal(2, entry.Values.Count);
        Assert.Equal(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero), entry.CreatedAt);
    }

    [Fact]
    public async Task CreateAsync_AssignmentIds_AreSent()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities/1/entries", 201, CrmStub.Fixture("entries/create.json"));

        await stub.Client.Entries.CreateAsync(1, new EntryCreateRequest { Title = "T", PipelineId = 1, StageId = 1, AssignedToUserId = 7, AssignedToTeamId = 3 }, Ct);

        stub.AssertSent("POST", "/api/brands/42/crm/entities/1/entries", """
            {"title":"T","pipeline_id":1,"stage_id":1,"assigned_to_user_id":7,"assigned_to_team_id":3}
            """);
    }

    [Fact]
    public async Task CreateAsync_DataModeEntryWithoutPipelineOrStage_IsSent()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities/9/entries", 201, """{"id":"d1","title":"Row","pipeline_id":null,"stage_id":null}""");

        var entry = await stub.Client.Entries.CreateAsync(9, new EntryCreateRequest { Title = "Row" }, Ct);

        stub.AssertSent("POST", "/api/brands/42/crm/entities/9/entries", """{"title":"Row"}""");
        Assert.Null(entry.PipelineId);
        Assert.Null(entry.StageId);
    }

    [Fact]
    public async Task UpdateAsync_DocumentedExample_SendsOnlyGivenProperties()
    {
        using var stub = new CrmStub().Respond("PUT", "/api/brands/42/crm/entries/es-doc-id-xyz", json: CrmStub.Fixture("entries/create.json"));

        await stub.Client.Entries.UpdateAsync(
            "es-doc-id-xyz",
            new EntryUpdateRequest
            {
                Values = new Dictionary<string, FieldValue> { ["lead_source"] = "Google", ["phone"] = "+15559876543" },
                AssignedToUserId = 7,
            },
            Ct);

        stub.AssertSent("PUT", "/api/brands/42/crm/entries/es-doc-id-xyz", """
            {"values":{"lead_source":"Google","phone":"+15559876543"},"assigned_to_user_id":7}
            """);
    }

    [Fact]
    public async Task UpdateAsync_InEntity_SendsNestedPut()
    {
        using var stub = new CrmStub().Respond("PUT", "/api/brands/42/crm/entities/1/entries/es-doc-id-xyz", json: CrmStub.Fixture("entries/create.json"));

        await stub.Client.Entries.UpdateAsync(1, "es-doc-id-xyz", new EntryUpdateRequest { Title = "Jane D." }, Ct);

        stub.AssertSent("PUT", "/api/brands/42/crm/entities/1/entries/es-doc-id-xyz", """{"title":"Jane D."}""");
    }

    [Fact]
    public async Task UpdateAsync_NullValue_SendsJsonNullToClearIt()
    {
        using var stub = new CrmStub().Respond("PUT", "/api/brands/42/crm/entries/e1", json: CrmStub.Fixture("entries/create.json"));

        await stub.Client.Entries.UpdateAsync("e1", new EntryUpdateRequest { Values = new Dictionary<string, FieldValue> { ["phone"] = FieldValue.Null } }, Ct);

        stub.AssertSent("PUT", "/api/brands/42/crm/entries/e1", """{"values":{"phone":null}}""");
    }

    [Fact]
    public async Task MoveToStageAsync_DocumentedExample_SendsStageIdAndReadsAnswer()
    {
        using var stub = new CrmStub().Respond("PUT", "/api/brands/42/crm/entries/es-doc-id-xyz/stage", json: CrmStub.Fixture("entries/move-stage.json"));

        var moved = await stub.Client.Entries.MoveToStageAsync("es-doc-id-xyz", 3, Ct);

        stub.AssertSent("PUT", "/api/brands/42/crm/entries/es-doc-id-xyz/stage", """{"stage_id":3}""");
        Assert.Equal("es-doc-id-xyz", moved.Id);
        Assert.Equal(3, moved.StageId);
        Assert.Equal(new DateTimeOffset(2024, 12, 11, 10, 5, 0, TimeSpan.Zero), moved.UpdatedAt);
    }

    [Fact]
    public async Task MoveToStageAsync_InEntity_SendsNestedPut()
    {
        using var stub = new CrmStub().Respond("PUT", "/api/brands/42/crm/entities/1/entries/es-doc-id-xyz/stage", json: CrmStub.Fixture("entries/move-stage.json"));

        await stub.Client.Entries.MoveToStageAsync(1, "es-doc-id-xyz", 3, Ct);

        stub.AssertSent("PUT", "/api/brands/42/crm/entities/1/entries/es-doc-id-xyz/stage", """{"stage_id":3}""");
    }

    [Fact]
    public async Task DeleteAsync_ByEntryId_SendsDelete()
    {
        using var stub = new CrmStub().Respond("DELETE", "/api/brands/42/crm/entries/es-doc-id-xyz", 204);

        await stub.Client.Entries.DeleteAsync("es-doc-id-xyz", Ct);

        stub.AssertSent("DELETE", "/api/brands/42/crm/entries/es-doc-id-xyz");
    }

    [Fact]
    public async Task DeleteAsync_InEntity_SendsNestedDelete()
    {
        using var stub = new CrmStub().Respond("DELETE", "/api/brands/42/crm/entities/1/entries/es-doc-id-xyz", 200, """{"success":true}""");

        await stub.Client.Entries.DeleteAsync(1, "es-doc-id-xyz", Ct);

        stub.AssertSent("DELETE", "/api/brands/42/crm/entities/1/entries/es-doc-id-xyz");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("../../entities/1")]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    public async Task GetAsync_HostileEntryId_ThrowsBeforeSending(string entryId)
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Entries.GetAsync(entryId, Ct));

        Assert.Equal("entryId", ex.ParamName);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task GetAsync_NullEntryId_ThrowsArgumentNull()
    {
        using var stub = new CrmStub();

        await Assert.ThrowsAsync<ArgumentNullException>(() => stub.Client.Entries.GetAsync(null!, Ct));

        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData("a b", "/api/brands/42/crm/entries/a%20b")]
    [InlineData("a?b#c", "/api/brands/42/crm/entries/a%3Fb%23c")]
    [InlineData("100%", "/api/brands/42/crm/entries/100%25")]
    [InlineData("id;x=1", "/api/brands/42/crm/entries/id;x=1")]
    [InlineData("é", "/api/brands/42/crm/entries/%C3%A9")]
    [InlineData("...", "/api/brands/42/crm/entries/...")]
    public async Task GetAsync_EntryIdWithReservedCharacters_IsEscapedAsOneSegment(string entryId, string rawPath)
    {
        using var stub = new CrmStub().RespondToAll(200, CrmStub.Fixture("entries/create.json"));

        await stub.Client.Entries.GetAsync(entryId, Ct);

        var request = stub.SingleRequest().RequestMessage!;
        Assert.Equal(rawPath, new Uri(request.AbsoluteUrl!).AbsolutePath, ignoreCase: true);
    }

    [Fact]
    public async Task CreateAsync_PipelineWithoutStage_ThrowsBeforeSending()
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Entries.CreateAsync(1, new EntryCreateRequest { Title = "T", PipelineId = 1 }, Ct));

        Assert.Contains("StageId", ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task CreateAsync_TitleMissing_ThrowsBeforeSending(string? title)
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Entries.CreateAsync(1, new EntryCreateRequest { Title = title, PipelineId = 1, StageId = 1 }, Ct));

        Assert.Contains("Title", ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task MoveToStageAsync_StageIdZero_ThrowsBeforeSending()
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.Entries.MoveToStageAsync("e1", 0, Ct));

        Assert.Equal("stageId", ex.ParamName);
        Assert.Empty(stub.Requests);
    }
}
