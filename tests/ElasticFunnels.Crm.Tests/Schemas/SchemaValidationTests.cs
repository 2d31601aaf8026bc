using System.Text.Json.Nodes;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;

namespace ElasticFunnels.Crm.Tests.Schemas;

/// <summary>Schema validation of entry writes against WireMock: what is sent, and what is not.</summary>
public sealed class SchemaValidationTests
{
    private const string FieldsPath = "/api/brands/42/crm/entities/1/fields";
    private const string EntriesPath = "/api/brands/42/crm/entities/1/entries";
    private const string EntryPath = "/api/brands/42/crm/entities/1/entries/es-doc-id-xyz";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CrmStub Stub(bool validate = true) =>
        new CrmStub(o => o.ValidateEntryValues = validate)
            .Respond("GET", FieldsPath, json: CrmStub.Fixture("values/fields.json"))
            .Respond("POST", EntriesPath, status: 201, json: CrmStub.Fixture("entries/create.json"))
            .Respond("PUT", EntryPath, json: CrmStub.Fixture("entries/create.json"))
            .Respond("PUT", "/api/brands/42/crm/entries/es-doc-id-xyz", json: CrmStub.Fixture("entries/create.json"));

    private static EntryCreateRequest ValidCreate() => new()
    {
        Title = "Jane Doe",
        PipelineId = 1,
        StageId = 1,
        Values = new FieldValues()
            .Set("email", "jane@example.com")
            .Set("phone", "+15551234567")
            .Set("lead_source", "Facebook")
            .Set("deal_value", 1200.50m)
            .Set("seats", 3)
            .Set("vip", true)
            .Set("close_date", new DateOnly(2025, 1, 31))
            .Set("last_call", new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.FromHours(2)))
            .Set("tags", new[] { "vip" })
            .Set("address", FieldValue.FromJson(System.Text.Json.JsonDocument.Parse("""{"city":"Zürich"}""").RootElement))
            .Set("company_ref", "es-doc-company-1")
            .Set("contacts", new[] { "c1", "c2" })
            .Set("rating", 4.5)
            .Set("plan", "pro"),
    };

    private const string ValidCreateJson = """
        {
          "title": "Jane Doe",
          "pipeline_id": 1,
          "stage_id": 1,
          "values": {
            "email": "jane@example.com",
            "phone": "+15551234567",
            "lead_source": "Facebook",
            "deal_value": 1200.50,
            "seats": 3,
            "vip": true,
            "close_date": "2025-01-31",
            "last_call": "2024-12-31T23:00:00Z",
            "tags": ["vip"],
            "address": { "city": "Zürich" },
            "company_ref": "es-doc-company-1",
            "contacts": ["c1", "c2"],
            "rating": 4.5,
            "plan": "pro"
          }
        }
        """;

    private static List<ILogEntry> Sent(CrmStub stub, string method, string path) =>
        [.. stub.Requests.Where(r => r.RequestMessage!.Method == method && new Uri(r.RequestMessage.AbsoluteUrl).AbsolutePath == path)];

    private static void AssertBody(string expected, ILogEntry request)
    {
        var actual = JsonNode.Parse(request.RequestMessage!.Body!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Body differs: {actual?.ToJsonString()}");
    }

    [Fact]
    public async Task CreateAsync_ValidationOffByDefault_SendsOnlyTheCreate()
    {
        using var stub = Stub(validate: false);
        var request = ValidCreate();
        request.Values!["not_a_field"] = "sent anyway";

        await stub.Client.Entries.CreateAsync(1, request, Ct);

        Assert.Empty(Sent(stub, "GET", FieldsPath));
        Assert.Contains("\"not_a_field\":\"sent anyway\"", Assert.Single(Sent(stub, "POST", EntriesPath)).RequestMessage!.Body!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_ValidValues_LoadsFieldsOnceThenSendsExactFlatJson()
    {
        using var stub = Stub();

        var entry = await stub.Client.Entries.CreateAsync(1, ValidCreate(), Ct);

        Assert.Equal("es-doc-id-xyz", entry.Id);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Single(Sent(stub, "GET", FieldsPath));
        AssertBody(ValidCreateJson, Assert.Single(Sent(stub, "POST", EntriesPath)));
    }

    [Fact]
    public async Task CreateAsync_InvalidValues_ThrowsEveryProblemAndSendsNoCreate()
    {
        using var stub = Stub();
        var request = new EntryCreateRequest
        {
            Title = "Bad",
            PipelineId = 1,
            StageId = 1,
            Values = new FieldValues()
                .Set("lead_source", "TikTok")
                .Set("deal_value", "lots")
                .Set("seats", 2.5m)
                .Set("vip", "yes")
                .Set("close_date", new DateTimeOffset(2025, 1, 31, 0, 0, 0, TimeSpan.Zero))
                .Set("last_call", 1733911200)
                .Set("tags", new[] { "vip", "gold", "silver" })
                .Set("phone", 5551234567)
                .Set("company_ref", true)
                .Set("contacts", "c1")
                .Set("leadsource", "Facebook"),
        };

        var ex = await Assert.ThrowsAsync<CrmSchemaValidationException>(() => stub.Client.Entries.CreateAsync(1, request, Ct));

        Assert.Equal("request", ex.ParamName);
        Assert.Equal(1, ex.EntityId);
        Assert.Equal(
            [
                ("lead_source", EntryValueProblemKind.NotAnOption),
                ("deal_value", EntryValueProblemKind.WrongType),
                ("seats", EntryValueProblemKind.WrongType),
                ("vip", EntryValueProblemKind.WrongType),
                ("close_date", EntryValueProblemKind.WrongType),
                ("last_call", EntryValueProblemKind.WrongType),
                ("tags", EntryValueProblemKind.NotAnOption),
                ("tags", EntryValueProblemKind.NotAnOption),
                ("phone", EntryValueProblemKind.WrongType),
                ("company_ref", EntryValueProblemKind.WrongType),
                ("contacts", EntryValueProblemKind.WrongType),
                ("leadsource", EntryValueProblemKind.UnknownField),
                ("email", EntryValueProblemKind.RequiredMissing),
                ("plan", EntryValueProblemKind.RequiredMissing),
            ],
            ex.Problems.Select(p => (p.Key, p.Kind)));
        Assert.Contains("'lead_source' must be one of Facebook, Google, Organic, Referral (was \"TikTok\").", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'deal_value' is a number field: expected a number, not a string \"lots\".", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'tags' must be one of vip, newsletter (was \"gold\").", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'leadsource' is not a field of entity 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'email' (Email) is required when an entry is created.", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("The entry values do not match the fields of entity 1 (14 problems); nothing was sent.", ex.Message, StringComparison.Ordinal);

        Assert.Single(stub.Requests);
        Assert.Single(Sent(stub, "GET", FieldsPath));
        Assert.Empty(Sent(stub, "POST", EntriesPath));
    }

    [Fact]
    public async Task CreateAsync_RequiredFieldBlankOrNull_IsRequiredMissing()
    {
        using var stub = Stub();
        var request = ValidCreate();
        request.Values!["email"] = "   ";
        request.Values["plan"] = FieldValue.Null;

        var ex = await Assert.ThrowsAsync<CrmSchemaValidationException>(() => stub.Client.Entries.CreateAsync(1, request, Ct));

        Assert.Equal([("email", EntryValueProblemKind.RequiredMissing), ("plan", EntryValueProblemKind.RequiredMissing)], ex.Problems.Select(p => (p.Key, p.Kind)));
        Assert.Empty(Sent(stub, "POST", EntriesPath));
    }

    [Fact]
    public async Task UpdateAsync_RequiredFieldsLeftOut_IsValidAndSendsOnlyWhatWasSet()
    {
        using var stub = Stub();

        await stub.Client.Entries.UpdateAsync(1, "es-doc-id-xyz", new EntryUpdateRequest { Values = new FieldValues().Set("lead_source", "Google").SetNull("phone") }, Ct);

        AssertBody("""{"values":{"lead_source":"Google","phone":null}}""", Assert.Single(Sent(stub, "PUT", EntryPath)));
    }

    [Fact]
    public async Task UpdateAsync_InvalidValues_SendsNoUpdate()
    {
        using var stub = Stub();
        var update = new EntryUpdateRequest { Values = new FieldValues().SetNull("email").Set("tags", "vip") };

        var ex = await Assert.ThrowsAsync<CrmSchemaValidationException>(() => stub.Client.Entries.UpdateAsync(1, "es-doc-id-xyz", update, Ct));

        Assert.Equal([("email", EntryValueProblemKind.RequiredMissing), ("tags", EntryValueProblemKind.WrongType)], ex.Problems.Select(p => (p.Key, p.Kind)));
        Assert.Empty(Sent(stub, "PUT", EntryPath));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task UpdateAsync_WithoutEntityId_SkipsValidationByDefaultAndRefusesExplicitRequest()
    {
        using var stub = Stub();
        var update = new EntryUpdateRequest { Values = new FieldValues().Set("unknown", "x") };

        await stub.Client.Entries.UpdateAsync("es-doc-id-xyz", update, Ct);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Entries.UpdateAsync("es-doc-id-xyz", update, new CrmRequestOptions { ValidateAgainstSchema = true }, Ct));

        Assert.Equal("requestOptions", ex.ParamName);
        Assert.Contains("UpdateAsync(entityId, entryId, request, requestOptions)", ex.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
        Assert.Empty(Sent(stub, "GET", FieldsPath));
    }

    [Fact]
    public async Task CreateAsync_PerCallOverride_BeatsClientDefaultBothWays()
    {
        using var off = Stub(validate: false);
        var invalid = new EntryCreateRequest { Title = "t", Values = new FieldValues().Set("unknown", 1) };
        await Assert.ThrowsAsync<CrmSchemaValidationException>(() => off.Client.Entries.CreateAsync(1, invalid, new CrmRequestOptions { ValidateAgainstSchema = true }, Ct));
        Assert.Empty(Sent(off, "POST", EntriesPath));

        using var on = Stub();
        await on.Client.Entries.CreateAsync(1, invalid, new CrmRequestOptions { ValidateAgainstSchema = false }, Ct);
        Assert.Empty(Sent(on, "GET", FieldsPath));
        AssertBody("""{"title":"t","values":{"unknown":1}}""", Assert.Single(Sent(on, "POST", EntriesPath)));
    }

    [Fact]
    public async Task CreateAsync_ManyCalls_FieldsLoadedOncePerEntity()
    {
        using var stub = Stub();

        for (var i = 0; i < 3; i++)
        {
            await stub.Client.Entries.CreateAsync(1, ValidCreate(), Ct);
            await stub.Client.Entries.UpdateAsync(1, "es-doc-id-xyz", new EntryUpdateRequest { Values = new FieldValues().Set("seats", i) }, Ct);
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => stub.Client.Schemas.GetAsync(1, Ct)));

        Assert.Single(Sent(stub, "GET", FieldsPath));
        Assert.Equal(3, Sent(stub, "POST", EntriesPath).Count);
        Assert.Equal(3, Sent(stub, "PUT", EntryPath).Count);
    }

    [Fact]
    public async Task UpsertByReferenceAsync_InvalidValues_SendsNoLookupAndNoWrite()
    {
        using var stub = Stub();
        var request = ValidCreate();
        request.ReferenceType = "conversion";
        request.ReferenceId = "conv-1";
        request.Values!["deal_value"] = "lots";

        var ex = await Assert.ThrowsAsync<CrmSchemaValidationException>(() => stub.Client.Entries.UpsertByReferenceAsync(1, request, Ct));

        Assert.Equal("deal_value", Assert.Single(ex.Problems).Key);
        Assert.Single(stub.Requests);
        Assert.Single(Sent(stub, "GET", FieldsPath));
    }

    [Fact]
    public async Task UpsertByReferenceAsync_ValidValuesNoMatch_LoadsFieldsOnceAndCreates()
    {
        using var stub = Stub().Respond("GET", EntriesPath, json: """{"data": [], "current_page": 1, "last_page": 1, "per_page": 1, "total": 0}""");
        var request = ValidCreate();
        request.ReferenceType = "conversion";
        request.ReferenceId = "conv-1";

        var result = await stub.Client.Entries.UpsertByReferenceAsync(1, request, Ct);

        Assert.True(result.Created);
        Assert.Single(Sent(stub, "GET", FieldsPath));
        Assert.Single(Sent(stub, "GET", EntriesPath));
        Assert.Single(Sent(stub, "POST", EntriesPath));
    }

    [Fact]
    public async Task CreateAsync_ConcurrentWithColdCache_FieldsLoadedOnce()
    {
        using var stub = Stub();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => stub.Client.Entries.CreateAsync(1, ValidCreate(), Ct)));

        Assert.Single(Sent(stub, "GET", FieldsPath));
        Assert.Equal(8, Sent(stub, "POST", EntriesPath).Count);
    }

    [Fact]
    public async Task AddElasticFunnelsCrm_TimeProviderRegistered_SchemaCacheUsesIt()
    {
        using var stub = Stub();
        var time = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = CrmStub.AccessKey;
            o.BrandId = CrmStub.BrandId;
            o.BaseAddress = stub.Options.BaseAddress;
            o.ValidateEntryValues = true;
        });
        using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<IElasticFunnelsCrmClient>();

        var schema = await crm.Schemas.GetAsync(1, Ct);
        time.Advance(TimeSpan.FromMinutes(6));
        await crm.Schemas.GetAsync(1, Ct);

        Assert.Equal(time.Start, schema.LoadedAt);
        Assert.Equal(2, Sent(stub, "GET", FieldsPath).Count);
    }

    [Fact]
    public async Task Schemas_AfterExpiry_LoadsAgain()
    {
        using var stub = Stub();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var crm = stub.ClientWithClock(time);

        var first = await crm.Schemas.GetAsync(1, Ct);
        time.Advance(TimeSpan.FromMinutes(4));
        await crm.Entries.CreateAsync(1, ValidCreate(), Ct);
        Assert.Single(Sent(stub, "GET", FieldsPath));

        time.Advance(TimeSpan.FromMinutes(1));
        await crm.Entries.CreateAsync(1, ValidCreate(), Ct);
        var second = await crm.Schemas.GetAsync(1, Ct);

        Assert.Equal(2, Sent(stub, "GET", FieldsPath).Count);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), first.LoadedAt);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 5, 0, TimeSpan.Zero), second.LoadedAt);
        Assert.Equal(14, second.Fields.Count);
    }

    [Fact]
    public async Task Schemas_CustomDuration_IsHonoured()
    {
        using var stub = new CrmStub(o => { o.ValidateEntryValues = true; o.SchemaCacheDuration = TimeSpan.FromSeconds(30); })
            .Respond("GET", FieldsPath, json: CrmStub.Fixture("values/fields.json"));
        var time = new FakeTimeProvider();
        using var crm = stub.ClientWithClock(time);

        await crm.Schemas.GetAsync(1, Ct);
        time.Advance(TimeSpan.FromSeconds(29));
        await crm.Schemas.GetAsync(1, Ct);
        time.Advance(TimeSpan.FromSeconds(1));
        await crm.Schemas.GetAsync(1, Ct);

        Assert.Equal(2, Sent(stub, "GET", FieldsPath).Count);
    }

    [Fact]
    public async Task Schemas_InvalidateAndRefresh_LoadAgainAndNewFieldValidates()
    {
        using var stub = Stub();
        var withNewField = new CreateRequestWith("score");
        await stub.Client.Schemas.GetAsync(1, Ct);
        await Assert.ThrowsAsync<CrmSchemaValidationException>(() => stub.Client.Entries.CreateAsync(1, withNewField.Request, Ct));

        // The field is added on the server: the cached schema does not know it until refreshed.
        var fields = JsonNode.Parse(CrmStub.Fixture("values/fields.json"))!.AsArray();
        fields.Add(JsonNode.Parse("""{ "id": 99, "name": "Score", "key": "score", "type": "integer" }"""));
        stub.Server.ResetMappings();
        stub.Respond("GET", FieldsPath, json: fields.ToJsonString())
            .Respond("POST", EntriesPath, status: 201, json: CrmStub.Fixture("entries/create.json"));

        var refreshed = await stub.Client.Schemas.RefreshAsync(1, Ct);
        Assert.True(refreshed.TryGetField("score", out var score));
        Assert.Equal(FieldType.Integer, score.Type);
        await stub.Client.Entries.CreateAsync(1, withNewField.Request, Ct);

        stub.Client.Schemas.Invalidate(1);
        await stub.Client.Schemas.GetAsync(1, Ct);
        stub.Client.Schemas.InvalidateAll();
        await stub.Client.Schemas.GetAsync(1, Ct);

        Assert.Equal(4, Sent(stub, "GET", FieldsPath).Count);
        Assert.Single(Sent(stub, "POST", EntriesPath));
    }

    [Fact]
    public async Task Schemas_LoadFails_NothingCachedAndCreateNotSent()
    {
        using var stub = new CrmStub(o => o.ValidateEntryValues = true)
            .Respond("GET", FieldsPath, status: 404, json: """{"message":"Entity not found"}""")
            .Respond("POST", EntriesPath, status: 201, json: CrmStub.Fixture("entries/create.json"));

        await Assert.ThrowsAsync<CrmNotFoundException>(() => stub.Client.Entries.CreateAsync(1, ValidCreate(), Ct));
        await Assert.ThrowsAsync<CrmNotFoundException>(() => stub.Client.Schemas.GetAsync(1, Ct));

        Assert.Equal(2, Sent(stub, "GET", FieldsPath).Count);
        Assert.Empty(Sent(stub, "POST", EntriesPath));
    }

    [Fact]
    public async Task Schemas_EntityIdNotPositive_ThrowsBeforeSending()
    {
        using var stub = Stub();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.Schemas.GetAsync(0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.Schemas.RefreshAsync(-1, Ct));
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void Options_NegativeSchemaCacheDuration_IsRejected()
    {
        var options = new ElasticFunnelsCrmOptions { AccessKey = "k", BrandId = 1, SchemaCacheDuration = TimeSpan.FromSeconds(-1) };

        var failure = Assert.Single(ElasticFunnelsCrmOptionsValidator.GetFailures(options));
        Assert.Contains("SchemaCacheDuration must not be negative", failure, StringComparison.Ordinal);
        options.SchemaCacheDuration = Timeout.InfiniteTimeSpan;
        Assert.Empty(ElasticFunnelsCrmOptionsValidator.GetFailures(options));
        Assert.False(new ElasticFunnelsCrmOptions().ValidateEntryValues);
        Assert.Equal(TimeSpan.FromMinutes(5), new ElasticFunnelsCrmOptions().SchemaCacheDuration);
    }

    private sealed class CreateRequestWith(string key)
    {
        public EntryCreateRequest Request { get; } = WithKey(key);

        private static EntryCreateRequest WithKey(string key)
        {
            var request = ValidCreate();
            request.Values![key] = 7;
            return request;
        }
    }
}
