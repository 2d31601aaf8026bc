using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ElasticFunnels.Crm.Tests.DependencyInjection;

public sealed class OptionsValidationTests
{
    private static ElasticFunnelsCrmOptions Valid() => new() { AccessKey = "key", BrandId = 42 };

    [Fact]
    public void GetFailures_DefaultsWithKeyAndBrand_AreValid()
    {
        Assert.Empty(ElasticFunnelsCrmOptionsValidator.GetFailures(Valid()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void GetFailures_MissingKey_SaysToSetIt(string? key)
    {
        var options = Valid();
        options.AccessKey = key;

        var failure = Assert.Single(ElasticFunnelsCrmOptionsValidator.GetFailures(options));

        Assert.Contains("AccessKey is missing", failure);
    }

    [Fact]
    public void GetFailures_KeyWithLineBreak_IsRejectedWithoutShowingIt()
    {
        var options = Valid();
        options.AccessKey = "secret-value\n";

        var failure = Assert.Single(ElasticFunnelsCrmOptionsValidator.GetFailures(options));

        Assert.Contains("cannot be sent in an HTTP header", failure);
        Assert.DoesNotContain("secret-value", failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void GetFailures_BrandNotPositive_SaysGreaterThanZero(long brandId)
    {
        var options = Valid();
        options.BrandId = brandId;

        var failure = Assert.Single(ElasticFunnelsCrmOptionsValidator.GetFailures(options));

        Assert.Contains("BrandId must be greater than zero", failure);
    }

    [Theory]
    [InlineData("http://app.elasticfunnels.io/api/", false)]
    [InlineData("http://crm.internal.example/api/", false)]
    [InlineData("http://127.0.0.1:5000/api/", true)]
    [InlineData("http://localhost:5000/api", true)]
    [InlineData("http://[::1]:5000/api/", true)]
    [InlineData("https://app.elasticfunnels.io/api", true)]
    [InlineData("ftp://app.elasticfunnels.io/api", false)]
    public void GetFailures_BaseAddressScheme_HttpOnlyForLoopback(string address, bool valid)
    {
        var options = Valid();
        options.BaseAddress = new Uri(address);

        var failures = ElasticFunnelsCrmOptionsValidator.GetFailures(options);

        Assert.Equal(valid, failures.Count == 0);
        if (!valid && address.StartsWith("http://", StringComparison.Ordinal))
        {
            Assert.Contains("must use https for a host that is not loopback", failures[0]);
        }
    }

    [Fact]
    public void GetFailures_RelativeBaseAddress_IsRejected()
    {
        var options = Valid();
        options.BaseAddress = new Uri("/api", UriKind.Relative);

        Assert.Contains("absolute URL", Assert.Single(ElasticFunnelsCrmOptionsValidator.GetFailures(options)));
    }

    [Fact]
    public void GetFailures_SeveralProblems_ListsEach()
    {
        var failures = ElasticFunnelsCrmOptionsValidator.GetFailures(new ElasticFunnelsCrmOptions { BaseAddress = new Uri("http://example.com/") });

        Assert.Equal(3, failures.Count);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsArgumentExceptionListingProblems()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions()));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("AccessKey is missing", ex.Message);
        Assert.Contains("BrandId must be greater than zero", ex.Message);
    }

    [Fact]
    public void Constructor_KeyAndBrand_UsesDefaultBaseAddress()
    {
        using var crm = new ElasticFunnelsCrmClient("key", 42);

        Assert.Equal(42, crm.BrandId);
        Assert.Contains("https://app.elasticfunnels.io/api/", crm.ToString());
    }

    [Fact]
    public void AddElasticFunnelsCrm_InvalidOptions_FailsAtStartup()
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o => o.BrandId = 0);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IElasticFunnelsCrmClient>());

        Assert.Contains(ex.Failures, f => f.Contains("AccessKey is missing", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("BrandId must be greater than zero", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddElasticFunnelsCrm_ValidateOnStart_FailsWhenHostStarts()
    {
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o => o.AccessKey = "k");
        using var provider = services.BuildServiceProvider();
        var validator = provider.GetRequiredService<IStartupValidator>();

        var ex = Assert.Throws<OptionsValidationException>(validator.Validate);

        Assert.Contains("BrandId", ex.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public void GetFailures_OnlyTimeoutShortened_IsValidBecauseTheTotalBoundsEachAttempt()
    {
        var options = Valid();
        options.Timeout = TimeSpan.FromSeconds(20);

        Assert.Empty(ElasticFunnelsCrmOptionsValidator.GetFailures(options));
    }
}
