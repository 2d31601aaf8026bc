using System.Globalization;
using ElasticFunnels.Crm.Cli.App;

namespace ElasticFunnels.Crm.Cli.Settings;

/// <summary>
/// The key, brand and address a command connects with, and where each came from. Per setting, the first
/// source that has it wins: a flag (<c>--key</c>, <c>--brand</c>, <c>--base-url</c>), then a profile named
/// with <c>--profile</c> or <c>EF_PROFILE</c>, then <c>EF_ACCESS_KEY</c>/<c>EF_BRAND_ID</c>/<c>EF_BASE_URL</c>,
/// then the profile named <c>default</c>.
/// </summary>
internal sealed class ConnectionSettings
{
    public const string DefaultProfile = "default";

    private ConnectionSettings(string accessKey, long brandId, Uri? baseAddress, string keySource, string brandSource)
    {
        AccessKey = accessKey;
        BrandId = brandId;
        BaseAddress = baseAddress;
        KeySource = keySource;
        BrandSource = brandSource;
    }

    public string AccessKey { get; }

    public long BrandId { get; }

    /// <summary>Null for the SDK's default (the production API).</summary>
    public Uri? BaseAddress { get; }

    public string KeySource { get; }

    public string BrandSource { get; }

    public static ConnectionSettings Resolve(string? keyFlag, long? brandFlag, string? baseUrlFlag, string? profileFlag, CliHost host)
    {
        var store = new ProfileStore(host.ConfigDirectory);
        var chosenName = profileFlag ?? (host.Variable("EF_PROFILE") is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        Profile? chosen = null;
        if (chosenName is not null)
        {
            chosen = store.Find(chosenName)
                ?? throw new CliUsageException($"There is no profile named '{chosenName}' in {store.FilePath}; `efcrm profile list` shows them.");
        }

        var fallback = chosen is null ? store.Find(DefaultProfile) : null;
        var chosenLabel = $"profile '{chosen?.Name}'";
        var fallbackLabel = $"profile '{DefaultProfile}'";

        var (key, keySource) = First(
            (keyFlag, "--key"),
            (chosen?.AccessKey, chosenLabel),
            (Blank(host.Variable("EF_ACCESS_KEY")), "EF_ACCESS_KEY"),
            (fallback?.AccessKey, fallbackLabel));
        if (key is null)
        {
            throw new CliUsageException(
                "No access key. Set EF_ACCESS_KEY and EF_BRAND_ID, or save a profile: `efcrm profile set default --brand 42 --key-stdin`. "
                + "To try the tool locally, `efcrm emulator` prints settings for a built-in emulator.");
        }

        var (brandText, brandSource) = First(
            (brandFlag?.ToString(CultureInfo.InvariantCulture), "--brand"),
            (chosen?.BrandId?.ToString(CultureInfo.InvariantCulture), chosenLabel),
            (Blank(host.Variable("EF_BRAND_ID")), "EF_BRAND_ID"),
            (fallback?.BrandId?.ToString(CultureInfo.InvariantCulture), fallbackLabel));
        if (brandText is null)
        {
            throw new CliUsageException($"No brand id: the key (from {keySource}) belongs to one brand; set EF_BRAND_ID, --brand, or the profile's brand.");
        }

        if (!long.TryParse(brandText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var brand) || brand <= 0)
        {
            throw new CliUsageException($"The brand id from {brandSource} must be a positive whole number (was '{brandText}').");
        }

        var (addressText, addressSource) = First(
            (baseUrlFlag, "--base-url"),
            (chosen?.BaseAddress?.ToString(), chosenLabel),
            (Blank(host.Variable("EF_BASE_URL")), "EF_BASE_URL"),
            (fallback?.BaseAddress?.ToString(), fallbackLabel));
        Uri? address = null;
        if (addressText is not null && !Uri.TryCreate(addressText.Trim(), UriKind.Absolute, out address))
        {
            throw new CliUsageException($"The base URL from {addressSource} is not an absolute URL (was '{addressText}'), e.g. https://app.elasticfunnels.io/api/.");
        }

        return new ConnectionSettings(key.Trim(), brand, address, keySource, brandSource);
    }

    public ElasticFunnelsCrmOptions ToOptions()
    {
        var options = new ElasticFunnelsCrmOptions { AccessKey = AccessKey, BrandId = BrandId };
        if (BaseAddress is not null)
        {
            options.BaseAddress = BaseAddress;
        }

        return options;
    }

    /// <summary>For --verbose: where everything came from, never the key itself.</summary>
    public override string ToString() =>
        $"brand {BrandId} (from {BrandSource}) at {BaseAddress?.ToString() ?? "the default address"}, key from {KeySource}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static (string? Value, string Source) First(params (string? Value, string Source)[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate.Value))
            {
                return candidate;
            }
        }

        return (null, string.Empty);
    }
}
