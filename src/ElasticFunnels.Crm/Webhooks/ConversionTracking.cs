using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>The attribution data of a conversion postback (<c>tracking</c>).</summary>
public sealed class ConversionTracking
{
    /// <summary>The <c>utm_source</c> of the visit, e.g. <c>facebook</c>.</summary>
    [JsonPropertyName("utm_source")]
    public string? UtmSource { get; init; }

    /// <summary>The <c>utm_medium</c> of the visit, e.g. <c>cpc</c>.</summary>
    [JsonPropertyName("utm_medium")]
    public string? UtmMedium { get; init; }

    /// <summary>The <c>utm_campaign</c> of the visit.</summary>
    [JsonPropertyName("utm_campaign")]
    public string? UtmCampaign { get; init; }

    /// <summary>The <c>utm_term</c> of the visit.</summary>
    [JsonPropertyName("utm_term")]
    public string? UtmTerm { get; init; }

    /// <summary>The <c>utm_content</c> of the visit.</summary>
    [JsonPropertyName("utm_content")]
    public string? UtmContent { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"ConversionTracking {UtmSource}/{UtmMedium}/{UtmCampaign}";
}
