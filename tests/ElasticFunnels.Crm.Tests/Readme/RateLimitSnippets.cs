using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ElasticFunnels.Crm.Tests.Readme;

/// <summary>The snippets of docs/rate-limits.md, compiled and run.</summary>
public sealed class RateLimitSnippets
{
    [Fact]
    public void FixedBudget_InCodeAndFromConfiguration_SameSettings()
    {
        const string accessKey = "ef_test_key";

        #region RateLimitsFixedBudget
        var fixedBudget = new ElasticFunnelsCrmOptions { AccessKey = accessKey, BrandId = 42 };
        fixedBudget.RateLimit.Mode = CrmRateLimitMode.Fixed;
        fixedBudget.RateLimit.PermitLimit = 600;
        fixedBudget.RateLimit.Window = TimeSpan.FromMinutes(1);
        using var paced = new ElasticFunnelsCrmClient(fixedBudget);
        #endregion

        // The JSON block of the page, bound the way AddElasticFunnelsCrm binds it.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ElasticFunnels:Crm:AccessKey"] = accessKey,
            ["ElasticFunnels:Crm:BrandId"] = "42",
            ["ElasticFunnels:Crm:RateLimit:Mode"] = "Fixed",
            ["ElasticFunnels:Crm:RateLimit:PermitLimit"] = "600",
            ["ElasticFunnels:Crm:RateLimit:Window"] = "00:01:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(configuration.GetSection("ElasticFunnels:Crm"));
        using var provider = services.BuildServiceProvider();
        var bound = provider.GetRequiredService<IOptions<ElasticFunnelsCrmOptions>>().Value.RateLimit;

        Assert.Equal(42, paced.BrandId);
        Assert.Equal((fixedBudget.RateLimit.Mode, fixedBudget.RateLimit.PermitLimit, fixedBudget.RateLimit.Window), (bound.Mode, bound.PermitLimit, bound.Window));
    }

    [Fact]
    public async Task GiveUp_PauseLongerThanTheCallsTimeout_FailsAtOnceWithRetryAfter()
    {
        using var stub = new CrmStub()
            .Respond("POST", "/api/brands/42/crm/entities/1/entries", 429, """{"message":"Too many requests. Please slow down."}""", new Dictionary<string, string> { ["Retry-After"] = "60" });
        var crm = stub.Client;
        using var output = ConsoleCapture.Start();

        #region RateLimitsGiveUp
        try
        {
            await crm.Entries.CreateAsync(1, new EntryCreateRequest { Title = "Jane Doe", PipelineId = 1, StageId = 1 },
                new CrmRequestOptions { Timeout = TimeSpan.FromSeconds(5) });
        }
        catch (CrmRateLimitException ex)
        {
            // The key's pause (or its queue) would outlast the 5 s this call had; nothing was stored.
            Console.WriteLine($"Rate limited, try again in {ex.RetryAfter}: {ex.Message}");
        }
        #endregion

        Assert.StartsWith("Rate limited, try again in 00:01:00: ", output.Text);
        Assert.Single(stub.Requests);
    }
}
