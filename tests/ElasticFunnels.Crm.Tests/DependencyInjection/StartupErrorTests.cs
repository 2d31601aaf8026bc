using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ElasticFunnels.Crm.Tests.DependencyInjection;

/// <summary>What an application sees when a client is misconfigured: which client, and which setting as it spelled it.</summary>
public sealed class StartupErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IConfigurationRoot Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => v.Value)).Build();

    private static OptionsValidationException StartupFailure(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);
    }

    [Fact]
    public async Task StartAsync_KeyedClientWithoutKey_FailsNamingTheClientAndTheBoundPath()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ElasticFunnels:Crm:AccessKey"] = "the-default-client-is-fine",
            ["ElasticFunnels:Crm:BrandId"] = "1",
            ["Brands:A:AccessKey"] = CrmStub.AccessKey,
            ["Brands:A:BrandId"] = "10",
            ["Brands:B:BrandId"] = "20",
        });
        builder.Services.AddElasticFunnelsCrm(builder.Configuration);
        builder.Services.AddKeyedElasticFunnelsCrm("brand-a", builder.Configuration.GetSection("Brands:A"));
        builder.Services.AddKeyedElasticFunnelsCrm("brand-b", builder.Configuration.GetSection("Brands:B"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Equal("brand-b", ex.OptionsName);
        Assert.Equal(
            "ElasticFunnels CRM client 'brand-b' (keyed service): Brands:B:AccessKey is missing: set it to the API key from your ElasticFunnels account.",
            Assert.Single(ex.Failures));
        Assert.DoesNotContain("ElasticFunnels:Crm", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("brand-a", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_KeyedClientWithUnsendableKeyAndBadRetry_NamesEachPathWithoutTheKey()
    {
        var configuration = Configuration(
            ("Brands:B:AccessKey", CrmStub.AccessKey + "\n"),
            ("Brands:B:BrandId", "20"),
            ("Brands:B:Retry:MaxRetryAttempts", "500"));
        var services = new ServiceCollection();
        services.AddKeyedElasticFunnelsCrm("brand-b", configuration.GetSection("Brands:B"));

        var ex = StartupFailure(services);

        Assert.Equal(
            [
                "ElasticFunnels CRM client 'brand-b' (keyed service): Brands:B:AccessKey contains characters that cannot be sent in an HTTP header (control or non-ASCII characters); copy the key again without spaces or line breaks.",
                "ElasticFunnels CRM client 'brand-b' (keyed service): Brands:B:Retry:MaxRetryAttempts must be between 0 (no retries) and 100 (was 500).",
            ],
            ex.Failures);
        Assert.DoesNotContain(CrmStub.AccessKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_UnkeyedClientFromSection_NamesTheSectionsPath()
    {
        var configuration = Configuration(("X:BrandId", "0"));
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(configuration.GetSection("X"));

        var ex = StartupFailure(services);

        Assert.Equal(
            [
                "ElasticFunnels CRM client (the unkeyed IElasticFunnelsCrmClient): X:AccessKey is missing: set it to the API key from your ElasticFunnels account.",
                "ElasticFunnels CRM client (the unkeyed IElasticFunnelsCrmClient): X:BrandId must be greater than zero (was 0): set it to the numeric id of the brand (project) the key belongs to.",
            ],
            ex.Failures);
    }

    [Fact]
    public void ValidateOnStart_UnkeyedClientFromAppConfiguration_NamesTheConventionalPath()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Configuration(("ElasticFunnels:Crm:BrandId", "5")));
        services.AddElasticFunnelsCrm();

        var ex = StartupFailure(services);

        Assert.Contains("(the unkeyed IElasticFunnelsCrmClient): ElasticFunnels:Crm:AccessKey is missing", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_ConfigurationRootWithoutConventionalSection_NamesTheRootKey()
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(Configuration(("BrandId", "5")));

        var ex = StartupFailure(services);

        Assert.Contains("(the unkeyed IElasticFunnelsCrmClient): AccessKey is missing", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_KeyedClientSetInCode_NamesThePropertyAndSaysItWasSetInCode()
    {
        var services = new ServiceCollection();
        services.AddKeyedElasticFunnelsCrm("brand-b", o => o.BrandId = 20);

        var ex = StartupFailure(services);

        Assert.Equal(
            "ElasticFunnels CRM client 'brand-b' (keyed service, options set in code): ElasticFunnelsCrmOptions.AccessKey is missing: set it to the API key from your ElasticFunnels account.",
            Assert.Single(ex.Failures));
    }

    [Fact]
    public void ValidateOnStart_UnkeyedClientSetInCode_NamesThePropertyAndSaysItWasSetInCode()
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o => { o.AccessKey = "k"; o.Timeout = TimeSpan.FromMilliseconds(1); });

        var ex = StartupFailure(services);

        Assert.Equal(
            [
                "ElasticFunnels CRM client (the unkeyed IElasticFunnelsCrmClient, options set in code): ElasticFunnelsCrmOptions.BrandId must be greater than zero (was 0): set it to the numeric id of the brand (project) the key belongs to.",
                "ElasticFunnels CRM client (the unkeyed IElasticFunnelsCrmClient, options set in code): ElasticFunnelsCrmOptions.Timeout must be between 10 ms and 24 hours, or Timeout.InfiniteTimeSpan for none (was 00:00:00.0010000).",
            ],
            ex.Failures);
    }

    [Fact]
    public void GetRequiredKeyedService_InvalidKeyedClient_ThrowsTheSameNamedError()
    {
        var services = new ServiceCollection();
        services.AddKeyedElasticFunnelsCrm("brand-b", Configuration(("Brands:B:BrandId", "3")).GetSection("Brands:B"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>("brand-b"));

        Assert.Contains("client 'brand-b' (keyed service): Brands:B:AccessKey is missing", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 5, "accessKey", "accessKey is missing: set it to the API key from your ElasticFunnels account.")]
    [InlineData("   ", 5, "accessKey", "accessKey is missing: set it to the API key from your ElasticFunnels account.")]
    [InlineData("k", 0, "brandId", "brandId must be greater than zero (was 0): set it to the numeric id of the brand (project) the key belongs to.")]
    public void Constructor_KeyAndBrand_InvalidArgument_NamesTheParameterNotConfiguration(string accessKey, long brandId, string parameter, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ElasticFunnelsCrmClient(accessKey, brandId));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Equal($"{expected} (Parameter '{parameter}')", ex.Message);
    }

    [Fact]
    public void Constructor_KeyAndBrand_KeyWithLineBreak_SaysWhatIsWrongWithoutTheKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ElasticFunnelsCrmClient(CrmStub.AccessKey + "\r\n", 5));

        Assert.Equal("accessKey", ex.ParamName);
        Assert.StartsWith("accessKey contains characters that cannot be sent in an HTTP header", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CrmStub.AccessKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Options_InvalidOptions_NamesThePropertiesOfTheArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions { BrandId = 5, Retry = { MaxRetryAttempts = -1 } }));

        Assert.Equal("options", ex.ParamName);
        Assert.Equal(
            "options.AccessKey is missing: set it to the API key from your ElasticFunnels account. options.Retry.MaxRetryAttempts must be between 0 (no retries) and 100 (was -1). (Parameter 'options')",
            ex.Message);
        Assert.DoesNotContain("configuration", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_NameTheSdkDidNotRegister_NamesTheOptionsName()
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o => { o.AccessKey = "k"; o.BrandId = 1; });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<ElasticFunnelsCrmOptions>>().Get("elsewhere"));

        Assert.Contains("ElasticFunnelsCrmOptions named 'elsewhere': AccessKey is missing", ex.Message, StringComparison.Ordinal);
    }
}
