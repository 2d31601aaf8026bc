using Microsoft.Extensions.Configuration;

namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>
/// A configuration source that reloads like a watched appsettings.json or a secret store does: <see cref="Set"/>
/// changes values and raises the reload token, on the caller's thread.
/// </summary>
public sealed class ReloadableConfiguration : ConfigurationProvider, IConfigurationSource
{
    public ReloadableConfiguration(IDictionary<string, string?> values)
    {
        foreach (var (key, value) in values)
        {
            Data[key] = value;
        }
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Changes the values and signals a reload, as a file provider does when the file changes.</summary>
    public void Set(IDictionary<string, string?> values)
    {
        foreach (var (key, value) in values)
        {
            Data[key] = value;
        }

        OnReload();
    }
}
