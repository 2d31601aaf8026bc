using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>The buyer of a conversion postback (<c>customer</c>).</summary>
public sealed class ConversionCustomer
{
    /// <summary>The buyer's e-mail address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The buyer's first name.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    /// <summary>The buyer's last name.</summary>
    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }

    /// <summary>The buyer's phone number.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>The buyer's country, as the vendor sends it (usually an ISO code).</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>The vendor's customer id, when sent.</summary>
    [JsonConverter(typeof(StringOrNumberJsonConverter))]
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>First and last name joined by a space; <see langword="null"/> when both are blank.</summary>
    [JsonIgnore]
    public string? FullName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())) is { Length: > 0 } name ? name : null;

    /// <inheritdoc />
    public override string ToString() => $"ConversionCustomer {FullName ?? Email}";
}
