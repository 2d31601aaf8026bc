using System.Text;
using System.Text.Json;

namespace ElasticFunnels.Crm.Tests.Webhooks;

public sealed class ConversionWebhookPayloadTests
{
    [Fact]
    public void Parse_NestedShape_ReadsCustomerOrderTracking()
    {
        var body = """
            {
              "event": "purchase",
              "created_at": "2026-04-18T13:45:21+00:00",
              "customer": { "email": "jane@example.com", "first_name": "Jane", "last_name": "Doe", "phone": "+15551234567", "country": "US", "id": 77 },
              "order": { "order_id": 1001, "conversion_code": "conv-1001", "amount": "49.90", "total": 59.9, "currency": "USD", "product_name": "Course", "status": "completed" },
              "tracking": { "utm_source": "facebook", "utm_medium": "cpc", "utm_campaign": "spring", "utm_term": "crm", "utm_content": "ad-1" },
              "affiliate": { "id": 5 }
            }
            """u8;

        var payload = ConversionWebhookPayload.Parse(body);

        Assert.Equal("purchase", payload.Event);
        Assert.Equal(new DateTimeOffset(2026, 4, 18, 13, 45, 21, TimeSpan.Zero), payload.CreatedAt);
        Assert.Equal("jane@example.com", payload.Customer.Email);
        Assert.Equal("Jane Doe", payload.Customer.FullName);
        Assert.Equal("+15551234567", payload.Customer.Phone);
        Assert.Equal("US", payload.Customer.Country);
        Assert.Equal("77", payload.Customer.Id);
        Assert.Equal("1001", payload.Order.OrderId);
        Assert.Equal("conv-1001", payload.Order.ConversionCode);
        Assert.Equal(49.90m, payload.Order.Amount);
        Assert.Equal(59.9m, payload.Order.Total);
        Assert.Equal("USD", payload.Order.Currency);
        Assert.Equal("Course", payload.Order.ProductName);
        Assert.Equal("completed", payload.Order.Status);
        Assert.Equal("facebook", payload.Tracking.UtmSource);
        Assert.Equal("cpc", payload.Tracking.UtmMedium);
        Assert.Equal("spring", payload.Tracking.UtmCampaign);
        Assert.Equal("crm", payload.Tracking.UtmTerm);
        Assert.Equal("ad-1", payload.Tracking.UtmContent);
        Assert.Equal(5, payload.Raw.GetProperty("affiliate").GetProperty("id").GetInt32());
    }

    [Fact]
    public void Parse_MissingSections_ReadAsEmpty()
    {
        var payload = ConversionWebhookPayload.Parse("""{"order":{"conversion_code":"c-1"}}"""u8);

        Assert.Null(payload.Event);
        Assert.NotNull(payload.Customer);
        Assert.Null(payload.Customer.Email);
        Assert.Null(payload.Customer.FullName);
        Assert.NotNull(payload.Tracking);
        Assert.Null(payload.Tracking.UtmSource);
        Assert.Equal("c-1", payload.Order.ConversionCode);
    }

    [Fact]
    public void Parse_NullSections_ReadAsEmpty()
    {
        var payload = ConversionWebhookPayload.Parse("""{"customer":null,"order":null,"tracking":null}"""u8);

        Assert.Null(payload.Customer.Email);
        Assert.Null(payload.Order.ConversionCode);
        Assert.Null(payload.Tracking.UtmSource);
    }

    [Fact]
    public void FullName_OnlyOnePart_IsThatPart()
    {
        var payload = ConversionWebhookPayload.Parse("""{"customer":{"first_name":"  ","last_name":" Doe "}}"""u8);

        Assert.Equal("Doe", payload.Customer.FullName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"order\":")]
    [InlineData("{\"order\":{\"amount\":{\"x\":1}}}")]
    public void Parse_NotAPayload_ThrowsFormatException(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        var ex = Assert.Throws<FormatException>(() => ConversionWebhookPayload.Parse(bytes));

        Assert.Contains("webhook body", ex.Message, StringComparison.Ordinal);
        Assert.False(ConversionWebhookPayload.TryParse(bytes, out var payload));
        Assert.Null(payload);
    }

    [Fact]
    public void TryParse_Valid_ReturnsPayload()
    {
        Assert.True(ConversionWebhookPayload.TryParse("""{"customer":{"email":"a@b.c"}}"""u8, out var payload));
        Assert.Equal("a@b.c", payload.Customer.Email);
        Assert.Equal(JsonValueKind.Object, payload.Raw.ValueKind);
    }
}
