using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElasticFunnels.Crm.Serialization;

namespace ElasticFunnels.Crm;

/// <summary>
/// The body of a conversion postback: the buyer under <c>customer</c>, the order under <c>order</c>
/// and attribution under <c>tracking</c>. Unknown properties are ignored (and kept in <see cref="Raw"/>);
/// missing objects read as empty ones, so a receiver never meets a null section.
/// </summary>
/// <remarks>
/// Verify the signature (<see cref="WebhookSignatureVerifier"/>) on the raw bytes before parsing them.
/// The payload serializes with System.Text.Json (for a queue or a log) in the postback's snake_case shape,
/// with the sections this model names; <see cref="Raw"/> is not serialized.
/// </remarks>
public sealed class ConversionWebhookPayload
{
    /// <summary>The event name, when the body carries one (the <c>X-EF-Event</c> header always does).</summary>
    [JsonPropertyName("event")]
    public string? Event { get; init; }

    /// <summary>The buyer; empty when the body has no <c>customer</c>.</summary>
    [JsonPropertyName("customer")]
    public ConversionCustomer Customer { get => field ?? new ConversionCustomer(); init; }

    /// <summary>The order; empty when the body has no <c>order</c>.</summary>
    [JsonPropertyName("order")]
    public ConversionOrder Order { get => field ?? new ConversionOrder(); init; }

    /// <summary>The attribution data; empty when the body has no <c>tracking</c>.</summary>
    [JsonPropertyName("tracking")]
    public ConversionTracking Tracking { get => field ?? new ConversionTracking(); init; }

    /// <summary>When the conversion happened, when the body says.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(TimestampJsonConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The whole body as parsed, for properties this model does not name.</summary>
    [JsonIgnore]
    public JsonElement Raw { get; init; }

    /// <summary>Parses a postback body from its raw UTF-8 bytes.</summary>
    /// <param name="utf8Json">The raw body.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="FormatException">The body is not a JSON object of the postback's shape.</exception>
    public static ConversionWebhookPayload Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (TryParse(utf8Json, out var payload, out var error))
        {
            return payload;
        }

        throw new FormatException(error);
    }

    /// <summary>Parses a postback body from its raw UTF-8 bytes, without throwing.</summary>
    /// <param name="utf8Json">The raw body.</param>
    /// <param name="payload">The payload, when the body could be read.</param>
    /// <returns>Whether the body could be read.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out ConversionWebhookPayload? payload) =>
        TryParse(utf8Json, out payload, out _);

    private static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out ConversionWebhookPayload? payload, out string error)
    {
        payload = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"The webhook body must be a JSON object, not {document.RootElement.ValueKind}.";
                return false;
            }

            var parsed = document.RootElement.Deserialize(CrmJsonContext.Default.ConversionWebhookPayload)!;
            payload = new ConversionWebhookPayload
            {
                Event = parsed.Event,
                Customer = parsed.Customer,
                Order = parsed.Order,
                Tracking = parsed.Tracking,
                CreatedAt = parsed.CreatedAt,
                Raw = document.RootElement.Clone(),
            };
            error = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            // The reader's message names the path and position, never the body's content.
            error = $"The webhook body is not a valid conversion payload: {ex.Message}";
            return false;
        }
    }
}
