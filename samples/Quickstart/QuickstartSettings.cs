using System.Globalization;
using ElasticFunnels.Crm;

namespace Quickstart;

/// <summary>Reads the quickstart's environment variables into client options, with messages that say what to fix.</summary>
public static class QuickstartSettings
{
    public static ElasticFunnelsCrmOptions FromEnvironment(string accessKey, string? brandId, string? baseUrl)
    {
        if (!long.TryParse(brandId, NumberStyles.None, CultureInfo.InvariantCulture, out var brand) || brand <= 0)
        {
            throw new ArgumentException("EF_ACCESS_KEY is set, so EF_BRAND_ID must be set too: the numeric id of the brand the key belongs to.");
        }

        var options = new ElasticFunnelsCrmOptions { AccessKey = accessKey.Trim(), BrandId = brand };
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            options.BaseAddress = Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri)
                ? uri
                : throw new ArgumentException($"EF_BASE_URL is not an absolute URL (was '{baseUrl}'), e.g. https://app.elasticfunnels.io/api/.");
        }

        return options;
    }

    /// <summary>The SDK never puts the key in a message; this is a second belt for messages from elsewhere.</summary>
    public static string Redact(string message, string? accessKey) =>
        string.IsNullOrWhiteSpace(accessKey) ? message : message.Replace(accessKey.Trim(), "***", StringComparison.Ordinal);
}
