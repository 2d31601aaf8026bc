using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>The order of a conversion postback (<c>order</c>).</summary>
public sealed class ConversionOrder
{
    /// <summary>The order id; a number on the wire is read as its text.</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberJsonConverter))]
    public string? OrderId { get; init; }

    /// <summary>The conversion code: the stable id of the conversion, the natural reference for a CRM entry.</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberJsonConverter))]
    public string? ConversionCode { get; init; }

    /// <summary>The amount charged, when sent as <c>amount</c>.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The order total, when sent as <c>total</c>.</summary>
    public decimal? Total { get; init; }

    /// <summary>The currency code, e.g. <c>USD</c>.</summary>
    public string? Currency { get; init; }

    /// <summary>The product id, when sent.</summary>
    [JsonConverter(typeof(Serialization.StringOrNumberJsonConverter))]
    public string? ProductId { get; init; }

    /// <summary>The product name, when sent.</summary>
    public string? ProductName { get; init; }

    /// <summary>The order status, when sent (e.g. <c>completed</c>, <c>refunded</c>).</summary>
    public string? Status { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ConversionOrder {OrderId} {ConversionCode}";
}
