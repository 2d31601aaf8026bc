using System.Globalization;
using ElasticFunnels.Crm;

namespace CrmCli;

/// <summary>EF_ACCESS_KEY, EF_BRAND_ID and EF_BASE_URL, read into client options; null when no key is set (use the emulator).</summary>
public static class CliSettings
{
    public static ElasticFunnelsCrmOptions? FromEnvironment()
    {
        var key = Environment.GetEnvironmentVariable("EF_ACCESS_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        if (!long.TryParse(Environment.GetEnvironmentVariable("EF_BRAND_ID"), NumberStyles.None, CultureInfo.InvariantCulture, out var brand) || brand <= 0)
        {
            throw new ArgumentException("EF_ACCESS_KEY is set, so EF_BRAND_ID must be set too: the numeric id of the brand the key belongs to.");
        }

        var options = new ElasticFunnelsCrmOptions { AccessKey = key.Trim(), BrandId = brand };
        var baseUrl = Environment.GetEnvironmentVariable("EF_BASE_URL");
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            options.BaseAddress = Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri)
                ? uri
                : throw new ArgumentException($"EF_BASE_URL is not an absolute URL (was '{baseUrl}').");
        }

        return options;
    }

    public static string Redact(string message) =>
        Environment.GetEnvironmentVariable("EF_ACCESS_KEY") is { Length: > 0 } key ? message.Replace(key.Trim(), "***", StringComparison.Ordinal) : message;
}
