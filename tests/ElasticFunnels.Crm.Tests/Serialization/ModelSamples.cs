using System.Net;
using System.Text.Json;
using ElasticFunnels.Crm.Serialization;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Serialization;

/// <summary>One public response model to serialize, with the type it is declared as.</summary>
public sealed record ModelSample(string Name, Type Type, object Value)
{
    public static ModelSample Of<T>(string name, T value) where T : notnull => new(name, typeof(T), value);

    public override string ToString() => Name;
}

/// <summary>
/// Every public response model, three ways: as the SDK returns them from the emulator, as
/// <see cref="CrmModelFactory"/> (and the public constructors) build them, and as read from the vendor's wire shapes.
/// </summary>
public static class ModelSamples
{
    public static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Calls every read the SDK has against the emulator, plus a bulk run where one item fails.</summary>
    public static async Task<IReadOnlyList<ModelSample>> FromEmulatorAsync(EmulatorClient crm, CancellationToken ct)
    {
        var client = crm.Client;
        var leadsId = crm.Leads.Id;
        var created = await client.Entries.CreateAsync(leadsId, Lead(crm, "c-1", ("lead_source", "Google"), ("deal_value", 1200.50m)), ct);
        await client.Entries.CreateAsync(leadsId, Lead(crm, "c-2", ("company", "Acme")), ct);
        var upsert = await client.Entries.UpsertByReferenceAsync(leadsId, Lead(crm, "c-1", ("company", "Acme Updated")), ct);

        var refused = Lead(crm, "c-bad");
        refused.StageId = 999; // not a stage of the pipeline: the emulator answers 422
        var bulk = await client.Entries.CreateManyAsync(leadsId, [Lead(crm, "c-3"), refused, null!], cancellationToken: ct);
        var bulkUpsert = await client.Entries.UpsertManyByReferenceAsync(leadsId, [Lead(crm, "c-3"), Lead(crm, "c-4")], cancellationToken: ct);

        CrmPage<Entry>? firstPage = null;
        await foreach (var page in client.Entries.ListAutoPagingAsync(leadsId, new EntryListOptions { PerPage = 2 }, ct).AsPages())
        {
            firstPage = page;
            break;
        }

        var schema = await client.Schemas.GetAsync(leadsId, ct);
        var problems = schema.ValidateCreate(new Dictionary<string, FieldValue> { ["lead_source"] = "TikTok", ["nope"] = 1 });

        return
        [
            ModelSample.Of("entity with pipelines and fields", await client.Entities.GetAsync(leadsId, ct)),
            ModelSample.Of("entity list", await client.Entities.ListAsync(ct)),
            ModelSample.Of("pipelines", await client.Pipelines.ListAsync(leadsId, ct)),
            ModelSample.Of("pipeline", await client.Pipelines.GetAsync(crm.Pipeline.Id, ct)),
            ModelSample.Of("stages", await client.Stages.ListAsync(crm.Pipeline.Id, ct)),
            ModelSample.Of("stage", await client.Stages.GetAsync(crm.Pipeline.Stages[1].Id, ct)),
            ModelSample.Of("fields", await client.Fields.ListAsync(leadsId, ct)),
            ModelSample.Of("presets", await client.Presets.ListAsync(ct)),
            ModelSample.Of("entry", await client.Entries.GetAsync(created.Id, ct)),
            ModelSample.Of("entry values", created.Values),
            ModelSample.Of("entry page", await client.Entries.ListAsync(leadsId, cancellationToken: ct)),
            ModelSample.Of("pageable page", firstPage!),
            ModelSample.Of("upsert result", upsert),
            ModelSample.Of("bulk result with failures", bulk),
            ModelSample.Of("bulk upsert result", bulkUpsert),
            ModelSample.Of("schema", schema),
            ModelSample.Of("schema problems", problems),
        ];
    }

    public static IReadOnlyList<ModelSample> FromFactory()
    {
        var source = CrmModelFactory.CustomField(3, "lead_source", FieldType.Select, "Lead Source", ["Facebook", "Google"], required: true, crmEntityId: 1);
        var email = CrmModelFactory.CustomField(4, "email", FieldType.Email, crmEntityId: 1);
        var stages = new[] { CrmModelFactory.Stage(1, "New", 0, 1, "#94a3b8", StageStatus.Open), CrmModelFactory.Stage(2, "Won", 1, 1, status: StageStatus.Won) };
        var pipeline = CrmModelFactory.Pipeline(1, "Sales", stages, crmEntityId: 1);
        var entry = CrmModelFactory.Entry(
            "es-1",
            "Jane Doe",
            pipelineId: 1,
            stageId: 2,
            values: new Dictionary<string, FieldValue>
            {
                ["email"] = "jane@example.com",
                ["deal_value"] = 1200.50m,
                ["close"] = new DateOnly(2025, 1, 31),
                ["vip"] = true,
                ["tags"] = FieldValue.FromStrings(["a", "b"]),
                ["cleared"] = FieldValue.Null,
            },
            referenceType: "conversion",
            referenceId: "c-1",
            crmEntityId: 1,
            createdAt: Noon,
            updatedAt: Noon.AddHours(1));
        var bare = CrmModelFactory.Entry("es-2");
        var refused = new CrmValidationException(new CrmError
        {
            StatusCode = HttpStatusCode.UnprocessableEntity,
            Method = "POST",
            Path = "/api/brands/42/crm/entities/1/entries",
            FieldErrors = new Dictionary<string, IReadOnlyList<string>> { ["stage_id"] = ["The selected stage id is invalid."] },
        });

        return
        [
            ModelSample.Of("preset", CrmModelFactory.EntityPreset("leads", "Leads", "Track inbound leads")),
            ModelSample.Of("entity with pipelines and fields", CrmModelFactory.CrmEntity(1, "Leads", "leads", EntityMode.Data, [pipeline], [source, email], brandId: 42, createdAt: Noon)),
            ModelSample.Of("bare entity", CrmModelFactory.CrmEntity(2, "Log")),
            ModelSample.Of("pipeline", pipeline),
            ModelSample.Of("stage", stages[0]),
            ModelSample.Of("field", source),
            ModelSample.Of("field option", new FieldOption("fb", "Facebook")),
            ModelSample.Of("entry", entry),
            ModelSample.Of("bare entry", bare),
            ModelSample.Of("entry values", entry.Values),
            ModelSample.Of("pageable page", new CrmPage<Entry> { Values = [entry], PageNumber = 1, LastPage = 2, PerPage = 1, Total = 2, ContinuationToken = "token" }),
            ModelSample.Of("upsert result", new EntryUpsertResult(entry, Created: false) { MatchCount = 2 }),
            ModelSample.Of("bulk result", new BulkResult<Entry>([BulkItemResult<Entry>.Success(0, entry), BulkItemResult<Entry>.Failure(1, refused), BulkItemResult<Entry>.Failure(2, new ArgumentException("requests[2].Title is required.")), BulkItemResult<Entry>.NotAttempted(3)], isCanceled: true)),
            ModelSample.Of("bulk upsert result", new BulkResult<EntryUpsertResult>([BulkItemResult<EntryUpsertResult>.Success(0, new EntryUpsertResult(entry, true))], isCanceled: false)),
            ModelSample.Of("bulk progress", new BulkProgress(10, 7, 1)),
            ModelSample.Of("schema", new EntitySchema(1, [source, email], Noon)),
            ModelSample.Of("schema problem", new EntryValueProblem("lead_source", EntryValueProblemKind.NotAnOption, "'lead_source' must be one of Facebook, Google (was \"TikTok\").")),
        ];
    }

    /// <summary>The vendor's documented and tolerated shapes, read the way the SDK reads responses.</summary>
    public static IReadOnlyList<ModelSample> FromWireFixtures() =>
    [
        ModelSample.Of("documented entity", Wire<CrmEntity>("entities/get.json")),
        ModelSample.Of("wrapped entity with aliases", Wire<CrmEntity>("tolerant/entity-wrapped.json")),
        ModelSample.Of("documented entry", Wire<Entry>("entries/create.json")),
        ModelSample.Of("entry with only the values array", Wire<Entry>("values/only-values.json")),
        ModelSample.Of("entry whose shapes disagree", Wire<Entry>("values/both-disagree.json")),
        ModelSample.Of("entry with numbers as strings", Wire<Entry>("values/numbers-as-strings.json")),
        ModelSample.Of("minimal entry", Wire<Entry>("tolerant/entry-minimal.json")),
        ModelSample.Of("labelled and reference options", WireList<CustomField>("""
            [{"id":1,"key":"source","type":"multiselect","label":"Source","options":[{"value":"fb","label":"Facebook"},"Google"]},
             {"id":2,"key":"account","type":"reference","options":{"target_entity_id":"5"}},
             {"id":3,"key":"notes","type":"textarea","options":null}]
            """)),
        ModelSample.Of("conversion postback", ConversionWebhookPayload.Parse("""
            {"event":"purchase","customer":{"email":"jane@example.com","first_name":"Jane","id":77},
             "order":{"order_id":1001,"conversion_code":"conv-1001","amount":"49.90","currency":"USD"},
             "tracking":{"utm_source":"facebook"},"created_at":"2024-12-11 10:00:00","extra":true}
            """u8)),
    ];

    public static T Wire<T>(string fixture) where T : class =>
        JsonSerializer.Deserialize(CrmStub.Fixture(fixture), (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Envelope<T>>)CrmJsonContext.Default.GetTypeInfo(typeof(Envelope<T>))!).Value!;

    private static IReadOnlyList<T> WireList<T>(string json) where T : class =>
        JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ListEnvelope<T>>)CrmJsonContext.Default.GetTypeInfo(typeof(ListEnvelope<T>))!).Items!;

    private static EntryCreateRequest Lead(EmulatorClient crm, string reference, params (string Key, FieldValue Value)[] values)
    {
        var request = crm.Lead(reference);
        foreach (var (key, value) in values)
        {
            request.Values![key] = value;
        }

        return request;
    }
}
