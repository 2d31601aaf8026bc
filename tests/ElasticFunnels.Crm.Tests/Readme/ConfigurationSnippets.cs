using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>The snippets of docs/configuration.md, compiled and run.</summary>
public sealed class ConfigurationSnippets
{
    private static readonly string[] Args = [];

    private static Dictionary<string, string?> Settings() => new()
    {
        ["ElasticFunnels:Crm:AccessKey"] = "key-main",
        ["ElasticFunnels:Crm:BrandId"] = "42",
        ["Brands:A:AccessKey"] = "key-a",
        ["Brands:A:BrandId"] = "10",
        ["Brands:B:AccessKey"] = "key-b",
        ["Brands:B:BrandId"] = "20",
        ["Secrets:BrandBCrmKey"] = "key-b-from-the-vault",
    };

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = Args });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    [Fact]
    public void KeyedSections_EachBrandBindsItsOwnSection()
    {
        var builder = Builder(Settings());

        #region ConfigurationKeyedSections
        builder.Services.AddElasticFunnelsCrm(builder.Configuration.GetSection("ElasticFunnels:Crm"));
        builder.Services.AddKeyedElasticFunnelsCrm("brand-a", builder.Configuration.GetSection("Brands:A"));
        builder.Services.AddKeyedElasticFunnelsCrm("brand-b", builder.Configuration.GetSection("Brands:B"));
        #endregion

        using var host = builder.Build();
        Assert.Equal(42, host.Services.GetRequiredService<IElasticFunnelsCrmClient>().BrandId);
        Assert.Equal(10, host.Services.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-a").BrandId);
        Assert.Equal(20, host.Services.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-b").BrandId);
    }

    [Fact]
    public void PostConfigure_UnnamedKeyedAndAll_ReachTheRightClients()
    {
        var builder = Builder(Settings());
        builder.Services.AddElasticFunnelsCrm(builder.Configuration.GetSection("ElasticFunnels:Crm"));
        builder.Services.AddKeyedElasticFunnelsCrm("brand-a", builder.Configuration.GetSection("Brands:A"));
        builder.Services.AddKeyedElasticFunnelsCrm("brand-b", builder.Configuration.GetSection("Brands:B"));

        #region ConfigurationPostConfigure
        // The unkeyed client reads the unnamed options.
        builder.Services.PostConfigure<ElasticFunnelsCrmOptions>(options => options.Timeout = TimeSpan.FromSeconds(30));

        // A keyed client reads the options named by its service key.
        builder.Services.PostConfigure<ElasticFunnelsCrmOptions>("brand-b", options =>
        {
            options.BaseAddress = new Uri("https://crm-proxy.example.com/api/");
            options.AccessKey = builder.Configuration["Secrets:BrandBCrmKey"];
        });

        // Every client, keyed or not.
        builder.Services.PostConfigureAll<ElasticFunnelsCrmOptions>(options => options.Retry.MaxRetryAttempts = 5);
        #endregion

        using var host = builder.Build();
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<ElasticFunnelsCrmOptions>>();
        Assert.Equal(TimeSpan.FromSeconds(30), monitor.CurrentValue.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(100), monitor.Get("brand-a").Timeout);
        Assert.Equal("key-b-from-the-vault", monitor.Get("brand-b").AccessKey);
        Assert.Equal("key-a", monitor.Get("brand-a").AccessKey);
        Assert.Contains("https://crm-proxy.example.com/api/", host.Services.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-b").ToString(), StringComparison.Ordinal);
        Assert.All([monitor.CurrentValue, monitor.Get("brand-a"), monitor.Get("brand-b")], o => Assert.Equal(5, o.Retry.MaxRetryAttempts));
    }

    [Fact]
    public async Task StartupError_MissingKeyOfKeyedClient_NamesClientAndPath()
    {
        var settings = Settings();
        settings.Remove("Brands:B:AccessKey");
        var builder = Builder(settings);
        builder.Services.AddKeyedElasticFunnelsCrm("brand-b", builder.Configuration.GetSection("Brands:B"));

        async Task Start()
        {
            #region ConfigurationStartupError
            using var app = builder.Build();
            try
            {
                await app.StartAsync();
            }
            catch (OptionsValidationException ex) when (ex.OptionsName == "brand-b")
            {
                // ex.OptionsName is the client's service key ("" for the unkeyed client).
                Console.Error.WriteLine(ex.Message);
                throw;
            }
            #endregion
        }

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(Start);
        Assert.Equal("ElasticFunnels CRM client 'brand-b' (keyed service): Brands:B:AccessKey is missing: set it to the API key from your ElasticFunnels account.", ex.Message);
    }
}
