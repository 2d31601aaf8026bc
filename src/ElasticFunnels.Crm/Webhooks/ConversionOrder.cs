using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>The order of a conversion postback (<c>order</c>).</summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
public sealed class ConversionOrder
{
    /// <summary>The order id; a number on the wire is read as its text.</summary>
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    [JsonPropertyName("order_id")]
    public string? OrderId { get; init; }

    /// <summary>The conversion code: the stable id of the conversion, the natural reference for a CRM entry.</summary>
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    [JsonPropertyName("conversion_code")]
    public string? ConversionCode { get; init; }

    /// <summary>The amount charged, when sent as <c>amount</c>.</summary>
    [JsonPropertyName("amount")]
    public decimal? Amount { get; init; }

    /// <summary>The order total, when sent as <c>total</c>.</summary>
    [JsonPropertyName("total")]
    public decimal? Total { get; init; }

    /// <summary>The currency code, e.g. <c>USD</c>.</summary>
    [JsonPropertyName("currency")]
    public string? Currency { get; init; }

    /// <summary>The product id, when sent.</summary>
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    [JsonPropertyName("product_id")]
    public string? ProductId { get; init; }

    /// <summary>The product name, when sent.</summary>
    [JsonPropertyName("product_name")]
    public string? ProductName { get; init; }

    /// <summary>The order status, when sent (e.g. <c>completed</c>, <c>refunded</c>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ConversionOrder {OrderId} {ConversionCode}";
}
