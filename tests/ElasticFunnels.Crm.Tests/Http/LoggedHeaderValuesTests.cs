using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// IHttpClientFactory's request and response logs (Trace) show the values of the allow-listed headers a call
/// really sends and receives (User-Agent, tracestate, Cache-Control, Content-Encoding, Content-Type,
/// Last-Modified), and <c>*</c> for any other header, whether the application or the server added it.
/// </summary>
public sealed class LoggedHeaderValuesTests
{
    private const string LastModified = "Tue, 01 Jul 2025 10:00:00 GMT";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DependencyInjection_TraceLogs_AllowListedHeadersShownWithTheirValuesOthersHidden()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", json: "[]", headers: new Dictionary<string, string>
        {
            ["Cache-Control"] = "no-store",
            ["Content-Encoding"] = "identity",
            ["Last-Modified"] = LastModified,
            ["X-Backend-Token"] = "server-secret",
        });
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = CrmStub.AccessKey;
            o.BrandId = CrmStub.BrandId;
            o.BaseAddress = stub.Options.BaseAddress;
        });
        await using var provider = services.BuildServiceProvider();
        var options = new CrmRequestOptions
        {
            Headers =
            {
                ["User-Agent"] = "orders-app/2.1",
                ["tracestate"] = "vendor=7f3a",
                ["X-Tenant-Secret"] = "app-secret",
            },
        };

        await provider.GetRequiredService<IElasticFunnelsCrmClient>().Entities.ListAsync(options, Ct);

        var records = logs.Records;
        Assert.Contains(records, r => r.Contains("User-Agent: orders-app/2.1", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains("tracestate: vendor=7f3a", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains("Cache-Control: no-store", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains("Content-Encoding: identity", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains("Content-Type: application/json", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains("Last-Modified: " + LastModified, StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains("X-Tenant-Secret: *", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains("X-Backend-Token: *", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Contains("app-secret", StringComparison.Ordinal) || r.Contains("server-secret", StringComparison.Ordinal));
    }
}
