using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ElasticFunnels.Crm.Serialization;

/// <summary>
/// Reads every timestamp form the vendor uses: <c>2024-12-11T10:00:00.000000Z</c>,
/// <c>2024-12-11T10:00:00Z</c>, <c>2026-04-18T13:45:21+00:00</c>, Laravel's
/// <c>2024-12-11 10:00:00</c> (UTC), a bare date <c>2025-01-01</c> (midnight UTC) and Unix seconds.
/// Writes ISO 8601 in UTC.
/// </summary>
internal sealed class TimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd",
    ];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return TryFromUnixSeconds(reader.GetInt64(), out var instant)
                ? instant
                : throw new JsonException("A Unix timestamp is outside the range of dates .NET can represent.");
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a timestamp string but found {reader.TokenType}.");
        }

        if (reader.TryGetDateTimeOffset(out var fast))
        {
            return fast;
        }

        var text = reader.GetString();
        if (TryParse(text, out var value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not a timestamp in a form the ElasticFunnels API uses.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    /// <summary>Formats a timestamp as ISO 8601 in UTC with only the fraction digits it needs.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses any of the vendor's timestamp forms; values without an offset are UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            && TryFromUnixSeconds(seconds, out value))
        {
            return true;
        }

        return false;
    }

    /// <summary>Converts Unix seconds, failing (rather than throwing) outside years 1 to 9999.</summary>
    public static bool TryFromUnixSeconds(long seconds, out DateTimeOffset value)
    {
        // DateTimeOffset.MinValue and MaxValue in Unix seconds.
        if (seconds is < -62_135_596_800 or > 253_402_300_799)
        {
            value = default;
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}
