using System.Globalization;

namespace ElasticFunnels.Crm.Testing;

/// <summary>
/// The vendor uses two timestamp styles: Laravel models serialise with microseconds, entries
/// (Elasticsearch documents) with whole seconds. Reproducing both keeps SDK parsers honest.
/// </summary>
internal static class Timestamps
{
    public static string Model(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Entry(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
