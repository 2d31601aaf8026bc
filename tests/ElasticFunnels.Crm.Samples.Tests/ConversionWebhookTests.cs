using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConversionWebhook;
using ElasticFunnels.Crm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ElasticFunnels.Crm.Samples.Tests;

public sealed class ConversionWebhookTests
{
    [Fact]
    public async Task Post_ValidDelivery_CreatesOneLeadMappedFromThePurchase()
    {
        await using var app = new WebhookApp();
        using var http = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        using var response = await http.SendAsync(WebhookApp.Delivery(WebhookApp.Purchase()), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<WebhookResponse>(ct);
        Assert.Equal("created", answer!.Status);
        Assert.Equal(1, app.Emulator.EntryCount(1));

        var lead = await app.Services.GetRequiredService<IElasticFunnelsCrmClient>().Entries.GetAsync(answer.EntryId!, ct);
        Assert.Equal("Jane Doe", lead.Title);
        Assert.Equal("conversion", lead.ReferenceType);
        Assert.Equal("conv-1001", lead.ReferenceId);
        Assert.Equal("jane@example.com", lead.Values["email"].GetString());
        Assert.Equal("+15551234567", lead.Values["phone"].GetString());
        Assert.Equal("Facebook", lead.Values["lead_source"].GetString());
    }

    [Fact]
    public async Task Post_SameDeliveryAgain_StillOneLeadAndNoCrmCall()
    {
        await using var app = new WebhookApp();
        using var http = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        using var first = await http.SendAsync(WebhookApp.Delivery(WebhookApp.Purchase()), ct);
        var requestsAfterFirst = app.Emulator.Requests.Count;

        using var second = await http.SendAsync(WebhookApp.Delivery(WebhookApp.Purchase()), ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("duplicate", (await second.Content.ReadFromJsonAsync<WebhookResponse>(ct))!.Status);
        Assert.Equal(1, app.Emulator.EntryCount(1));
        Assert.Equal(requestsAfterFirst, app.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Post_SameConversionAsNewDelivery_UpdatesTheOneLead()
    {
        await using var app = new WebhookApp();
        using var http = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        using var first = await http.SendAsync(WebhookApp.Delivery(WebhookApp.Purchase(), "dlv-1"), ct);

        using var second = await http.SendAsync(WebhookApp.Delivery(WebhookApp.Purchase(email: "jane.doe@example.com"), "dlv-2"), ct);

        Assert.Equal("updated", (await second.Content.ReadFromJsonAsync<WebhookResponse>(ct))!.Status);
        Assert.Equal(1, app.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task Post_ConcurrentRedeliveries_CreateOneLead()
    {
        await using var app = new WebhookApp();
        using var http = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            http.SendAsync(WebhookApp.Delivery(WebhookApp.Purchase(), deliveryId: i % 2 == 0 ? "dlv-same" : $"dlv-{i}"), ct)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(1, app.Emulator.EntryCount(1));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    public static TheoryData<string, string> Rejected() => new()
    {
        { "bad-signature", "SignatureMismatch" },
        { "wrong-secret", "SignatureMismatch" },
        { "tampered-body", "SignatureMismatch" },
        { "missing-signature", "MissingSignature" },
        { "missing-timestamp", "MissingTimestamp" },
        { "stale", "TimestampTooOld" },
        { "future", "TimestampInFuture" },
        { "malformed-signature", "MalformedSignature" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Post_UnverifiableDelivery_Is401AndNothingIsWritten(string scenario, string failure)
    {
        await using var app = new WebhookApp();
        using var http = app.CreateClient();
        var body = WebhookApp.Purchase();
        using var request = scenario switch
        {
            "bad-signature" => WebhookApp.Delivery(body, tamper: r => Replace(r, WebhookHeaders.Signature, "sha256=" + new string('0', 64))),
            "wrong-secret" => WebhookApp.Delivery(body, secret: "not_the_secret"),
            "tampered-body" => WebhookApp.Delivery(body, tamper: r => r.Content = new StringContent(body.Replace("conv-1001", "conv-9999", StringComparison.Ordinal), Encoding.UTF8, "application/json")),
            "missing-signature" => WebhookApp.Delivery(body, tamper: r => r.Headers.Remove(WebhookHeaders.Signature)),
            "missing-timestamp" => WebhookApp.Delivery(body, tamper: r => r.Headers.Remove(WebhookHeaders.Timestamp)),
            "stale" => WebhookApp.Delivery(body, signedAt: DateTimeOffset.UtcNow.AddHours(-1)),
            "future" => WebhookApp.Delivery(body, signedAt: DateTimeOffset.UtcNow.AddHours(1)),
            _ => WebhookApp.Delivery(body, tamper: r => Replace(r, WebhookHeaders.Signature, "md5=abc")),
        };

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(failure, problem.RootElement.GetProperty("failure").GetString());
        Assert.DoesNotContain(WebhookApp.Secret, problem.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(app.Emulator.Requests);
    }

    [Fact]
    public async Task Post_RejectedThenValid_SameDeliveryIdIsStillProcessed()
    {
        await using var app = new WebhookApp();
        using var http = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        using var forged = await http.SendAsync(WebhookApp.Delivery(WebhookApp.Purchase(), "dlv-1", secret: "forger"), ct);

        using var genuine = await http.SendAsync(WebhookApp.Delivery(WebhookApp.Purchase(), "dlv-1"), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(1, app.Emulator.EntryCount(1));
    }

    [Theory]
    [InlineData("""{"customer":{"email":"a@example.com"},"order":{}}""")]
    [InlineData("""not json""")]
    [InlineData("""[1]""")]
    public async Task Post_SignedButUnusablePayload_Is422AndNothingIsWritten(string body)
    {
        await using var app = new WebhookApp();
        using var http = app.CreateClient();

        using var response = await http.SendAsync(WebhookApp.Delivery(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, app.CrmWrites);
    }

    [Fact]
    public async Task Post_OrderIdWithoutConversionCode_UsesOrderIdAndEmailTitle()
    {
        await using var app = new WebhookApp();
        using var http = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        using var response = await http.SendAsync(WebhookApp.Delivery("""{"customer":{"email":"solo@example.com"},"order":{"order_id":777}}"""), ct);

        var answer = await response.Content.ReadFromJsonAsync<WebhookResponse>(ct);
        var lead = await app.Services.GetRequiredService<IElasticFunnelsCrmClient>().Entries.GetAsync(answer!.EntryId!, ct);
        Assert.Equal("solo@example.com", lead.Title);
        Assert.Equal("777", lead.ReferenceId);
        Assert.False(lead.Values.ContainsKey("lead_source"));
    }

    [Fact]
    public async Task Post_CrmUnavailable_Is503AndTheRetryIsProcessed()
    {
        await using var app = new WebhookApp(services => services.AddSingleton<IElasticFunnelsCrmClient>(sp =>
        {
            var emulator = sp.GetRequiredService<CrmEmulator>();
            var options = EmulatorCrm.Options(emulator, emulator.BaseAddress);
            options.Retry.MaxRetryAttempts = 0;
            return new ElasticFunnelsCrmClient(options, emulator.CreateHandler(), disposeHandler: true);
        }));
        using var http = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        app.Emulator.Faults.FailNext(1, 503);

        using var failed = await http.SendAsync(WebhookApp.Delivery(WebhookApp.Purchase()), ct);
        using var retried = await http.SendAsync(WebhookApp.Delivery(WebhookApp.Purchase()), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("created", (await retried.Content.ReadFromJsonAsync<WebhookResponse>(ct))!.Status);
        Assert.Equal(1, app.Emulator.EntryCount(1));
    }

    [Fact]
    public async Task Post_BodyOverLimit_Is413AndNothingIsWritten()
    {
        await using var app = new WebhookApp();
        using var http = app.CreateClient();
        var body = $$"""{"order":{"conversion_code":"c"},"pad":"{{new string('x', 300 * 1024)}}"}""";

        using var response = await http.SendAsync(WebhookApp.Delivery(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(app.Emulator.Requests);
    }

    [Fact]
    public void Startup_RealCrmWithoutSigningSecret_Fails()
    {
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ElasticFunnels:Crm:AccessKey", "a_real_key");
            b.UseSetting("ElasticFunnels:Crm:BrandId", "42");
            b.UseSetting("ConversionWebhook:SigningSecret", string.Empty);
        });

        var ex = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("ConversionWebhook:SigningSecret is not set", ex.Message, StringComparison.Ordinal);
    }

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);
    }
}
