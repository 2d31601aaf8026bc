using System.Globalization;
using System.Text;
using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>The README's emulator and webhook snippets, compiled and run.</summary>
public sealed class SamplesSnippets
{
    [Fact]
    public async Task EmulatorInMemory_RunsCodeUnderTest()
    {
        #region EmulatorInMemory
        await using var emulator = new CrmEmulator();
        using var crm = new ElasticFunnelsCrmClient(
            new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress },
            emulator.CreateHandler(),
            disposeHandler: true);

        var leads = await crm.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" });
        var pipeline = (await crm.Entities.GetAsync(leads.Id)).Pipelines[0];

        // The code under test, given `crm` (or an IElasticFunnelsCrmClient from your container):
        await crm.Entries.UpsertByReferenceAsync(leads.Id, new EntryCreateRequest
        {
            Title = "Jane Doe",
            PipelineId = pipeline.Id,
            StageId = pipeline.Stages[0].Id,
            ReferenceType = "conversion",
            ReferenceId = "conv-123",
        });

        Assert.Equal(1, emulator.EntryCount(leads.Id));
        Assert.Contains(emulator.Requests, r => r.Method == "POST" && r.Path.EndsWith("/entries"));
        #endregion
    }

    [Fact]
    public async Task EmulatorFaults_RetriedBySdk()
    {
        await using var emulator = new CrmEmulator();
        var options = new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.UseJitter = false;
        using var crm = new ElasticFunnelsCrmClient(options, emulator.CreateHandler(), disposeHandler: true);

        #region EmulatorFaults
        emulator.Faults.FailNext(2, 503);                                        // the next two calls answer 503
        emulator.Faults.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(0));   // then one 429 with Retry-After: 0
        emulator.Latency = TimeSpan.FromMilliseconds(5);                         // and every answer is a little slow

        var entities = await crm.Entities.ListAsync();                           // the SDK retries through all three

        Assert.Equal(4, emulator.Requests.Count(r => r.Path.EndsWith("/crm/entities")));
        #endregion

        Assert.Empty(entities);
    }

    [Fact]
    public async Task EmulatorLoopback_ServesRealHttp()
    {
        await using var emulator = new CrmEmulator();

        #region EmulatorLoopback
        Uri api = await emulator.StartServerAsync();   // e.g. http://127.0.0.1:41425/api/

        // Any HTTP client, another process or curl can use it:
        // curl -H "EF-Access-Key: ef_test_key" http://127.0.0.1:41425/api/brands/42/crm/entity-presets
        using var overHttp = new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = api });
        var presets = await overHttp.Presets.ListAsync();
        #endregion

        Assert.Equal(3, presets.Count);
        Assert.Equal("127.0.0.1", api.Host);
    }

    [Fact]
    public async Task WebhookReceive_VerifiesParsesAndUpserts()
    {
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true });
        using var crm = new ElasticFunnelsCrmClient(
            new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress },
            emulator.CreateHandler(),
            disposeHandler: true);
        const string signingSecret = "whsec_from_the_postback_settings";
        const long entityId = 1, pipelineId = 1, firstStageId = 1;

        #region WebhookReceive
        var verifier = new WebhookSignatureVerifier(signingSecret);   // one per secret; thread-safe

        async Task<int> ReceiveAsync(string? signatureHeader, string? timestampHeader, byte[] body)
        {
            // The raw body bytes, exactly as received: verify before parsing anything.
            var check = verifier.Verify(signatureHeader, timestampHeader, body);
            if (!check.IsValid)
            {
                return 401; // check.Failure says why: MissingSignature, SignatureMismatch, TimestampTooOld, ...
            }

            var purchase = ConversionWebhookPayload.Parse(body);
            await crm.Entries.UpsertByReferenceAsync(entityId, new EntryCreateRequest
            {
                Title = purchase.Customer.FullName ?? purchase.Customer.Email,
                PipelineId = pipelineId,
                StageId = firstStageId,
                ReferenceType = "conversion",
                ReferenceId = purchase.Order.ConversionCode,
                Values = new Dictionary<string, FieldValue>
                {
                    ["email"] = purchase.Customer.Email,
                    ["lead_source"] = purchase.Tracking.UtmSource,
                },
            });
            return 200;
        }
        #endregion

        var body = Encoding.UTF8.GetBytes("""{"customer":{"email":"jane@example.com","first_name":"Jane"},"order":{"conversion_code":"conv-1"},"tracking":{"utm_source":"Google"}}""");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Compute(signingSecret, now, body);
        Assert.Equal(200, await ReceiveAsync(signature, now, body));
        Assert.Equal(200, await ReceiveAsync(signature, now, body));
        Assert.Equal(401, await ReceiveAsync(signature, now, [.. body, (byte)' ']));
        Assert.Equal(1, emulator.EntryCount(entityId));
    }

    [Fact]
    public void WebhookSign_ProducesHeadersTheVerifierAccepts()
    {
        const string signingSecret = "whsec_test";

        #region WebhookSign
        var body = Encoding.UTF8.GetBytes("""{"order":{"conversion_code":"conv-1"}}""");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/conversions") { Content = new ByteArrayContent(body) };
        request.Headers.Add(WebhookHeaders.DeliveryId, Guid.NewGuid().ToString());
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Compute(signingSecret, timestamp, body));
        #endregion

        var result = new WebhookSignatureVerifier(signingSecret).Verify(
            request.Headers.GetValues(WebhookHeaders.Signature).Single(),
            request.Headers.GetValues(WebhookHeaders.Timestamp).Single(),
            body);
        Assert.True(result.IsValid, result.Message);
    }
}
