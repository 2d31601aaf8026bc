using ElasticFunnels.Crm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ElasticFunnels.Crm.Redis.Tests;

/// <summary>The package README's snippets (src/ElasticFunnels.Crm.Redis/README.md), compiled and run against a real redis-server.</summary>
public sealed class ReadmeSnippets
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RedisPackageDependencyInjection_OneLine_BudgetKeptInRedis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true });
        var api = await emulator.StartServerAsync(Ct);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ElasticFunnels:Crm:AccessKey"] = emulator.AccessKey,
            ["ElasticFunnels:Crm:BrandId"] = "42",
            ["ElasticFunnels:Crm:BaseAddress"] = api.ToString(),
            ["ConnectionStrings:Redis"] = redis.Configuration,
        });

        #region RedisPackageDependencyInjection
        builder.Services.AddElasticFunnelsCrm(builder.Configuration.GetSection("ElasticFunnels:Crm"));
        builder.Services.AddElasticFunnelsCrmRedisRateLimiting(builder.Configuration.GetConnectionString("Redis")!); // e.g. "localhost:6379"
        #endregion

        using var host = builder.Build();
        var crm = host.Services.GetRequiredService<IElasticFunnelsCrmClient>();
        emulator.Faults.FailNext(1, 429, TimeSpan.FromMilliseconds(200));
        await crm.Entities.GetAsync(1, Ct);

        Assert.IsType<RedisRateLimitStore>(host.Services.GetRequiredService<CrmRateLimitStore>());
        Assert.NotEmpty(await BudgetKeysAsync(redis));
    }

    [Fact]
    public async Task RedisPackageOptions_StoreInOptions_BudgetKeptInRedis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true });
        var api = await emulator.StartServerAsync(Ct);
        var redisConnectionString = redis.Configuration;
        var key = emulator.AccessKey;

        #region RedisPackageOptions
        using var store = RedisRateLimitStore.Connect(redisConnectionString); // e.g. "localhost:6379"
        var options = new ElasticFunnelsCrmOptions { AccessKey = key, BrandId = 42 };
        options.RateLimit.UseStore(store);
        using var crm = new ElasticFunnelsCrmClient(options);
        #endregion

        // The snippet's client talks to the real API; this one, with the same store, to the emulator.
        options.BaseAddress = api;
        using var local = new ElasticFunnelsCrmClient(options);
        emulator.Faults.FailNext(1, 429, TimeSpan.FromMilliseconds(200));
        await local.Entities.GetAsync(1, Ct);

        Assert.Equal(42, crm.BrandId);
        Assert.NotEmpty(await BudgetKeysAsync(redis));
    }

    private static async Task<List<string>> BudgetKeysAsync(RedisServer redis)
    {
        using var connection = await redis.ConnectAsync();
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        return [.. server.Keys(pattern: "efcrm:budget:*").Select(k => k.ToString())];
    }
}
