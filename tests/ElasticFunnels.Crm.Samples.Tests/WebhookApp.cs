using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ElasticFunnels.Crm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm.Samples.Tests;

/// <summary>The ConversionWebhook app in memory, its CRM the in-process emulator it creates when no key is configured.</summary>
public sealed class WebhookApp : WebApplicationFactory<Program>
{
    public const string Secret = "whsec_test_secret";

    private readonly Action<IServiceCollection>? _services;

    public WebhookApp(Action<IServiceCollection>? services = null) => _services = services;

    public CrmEmulator Emulator => Services.GetRequiredService<CrmEmulator>();

    /// <summary>CRM requests that wrote something.</summary>
    public int CrmWrites => Emulator.Requests.Count(r => r.Method is "POST" or "PUT" or "DELETE");

    public static string Purchase(string conversionCode = "conv-1001", string email = "jane@example.com") => $$"""
        {
          "event": "purchase",
          "customer": { "email": "{{email}}", "first_name": "Jane", "last_name": "Doe", "phone": "+15551234567" },
          "order": { "order_id": 1001, "conversion_code": "{{conversionCode}}", "amount": 49.90, "currency": "USD" },
          "tracking": { "utm_source": "facebook", "utm_medium": "cpc", "utm_campaign": "spring" }
        }
        """;

    public static HttpRequestMessage Delivery(string body, string deliveryId = "dlv-1", DateTimeOffset? signedAt = null, string secret = Secret, Action<HttpRequestMessage>? tamper = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/conversions") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookHeaders.Event, "purchase");
        request.Headers.Add(WebhookHeaders.DeliveryId, deliveryId);
        request.Headers.Add(WebhookHeaders.BrandId, "42");
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Compute(secret, timestamp, bytes));
        tamper?.Invoke(request);
        return request;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConversionWebhook:SigningSecret", Secret);
        builder.UseSetting("ElasticFunnels:Crm:AccessKey", string.Empty);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
