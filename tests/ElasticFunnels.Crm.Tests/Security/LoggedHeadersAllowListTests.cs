using System.Net;
using System.Text;
using ElasticFunnels.Crm.Http;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElasticFunnels.Crm.Tests.Security;

/// <summary>
/// Exceptions and request logs carry only the headers known to be safe, and all of them: the list below is
/// the documented allow-list, so adding or dropping a name is a visible change.
/// </summary>
public sealed class LoggedHeadersAllowListTests
{
    private static readonly string[] Safe =
    [
        "Accept", "Accept-Encoding", "Cache-Control", "Connection", "Content-Encoding", "Content-Length",
        "Content-Type", "Date", "ETag", "Expires", "Last-Modified", "Pragma", "Request-Id", "Retry-After",
        "Server", "traceparent", "tracestate", "Transfer-Encoding", "User-Agent", "Vary", "X-Request-Id",
        "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
    ];

    private static readonly string[] Unsafe = ["EF-Access-Key", "Authorization", "Cookie", "Set-Cookie", "Proxy-Authorization", "X-Api-Key", "X-Something-New"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void CrmApiException_EveryHeaderGiven_KeepsExactlyTheAllowList()
    {
        var headers = Safe.Concat(Unsafe).ToDictionary(h => h, h => h == "Retry-After" ? "3" : h == "Date" ? "Tue, 01 Jul 2025 10:00:00 GMT" : "value-of-" + h);

        var ex = CrmModelFactory.CrmApiException(HttpStatusCode.ServiceUnavailable, headers: headers);

        Assert.Equal(Safe.Order(StringComparer.OrdinalIgnoreCase), ex.Error.Response!.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal("value-of-X-Request-Id", ex.Error.Response.Headers["x-request-id"]);
    }

    [Fact]
    public void CrmApiException_AllowListedNamesInAnyCase_Kept()
    {
        var headers = Safe.ToDictionary(h => h.ToUpperInvariant(), h => "1");

        var ex = CrmModelFactory.CrmApiException(HttpStatusCode.BadGateway, headers: headers);

        Assert.Equal(Safe.Length, ex.Error.Response!.Headers.Count);
    }

    [Fact]
    public async Task GetAsync_ErrorAnswerWithSecretHeaders_ExceptionKeepsOnlyTheSafeOnes()
    {
        var handler = new AnsweringHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("""{"message":"Boom."}""", Encoding.UTF8, "application/json") };
            foreach (var name in new[] { "Cache-Control", "ETag", "Pragma", "Request-Id", "Server", "traceparent", "tracestate", "Vary", "X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset" })
            {
                Assert.True(response.Headers.TryAddWithoutValidation(name, name == "Cache-Control" ? "no-store" : name == "ETag" ? "\"v1\"" : "v"));
            }

            response.Headers.TryAddWithoutValidation("Set-Cookie", "session=" + CrmStub.AccessKey);
            response.Headers.TryAddWithoutValidation("X-Debug-Key", CrmStub.AccessKey);
            return response;
        });
        var options = TestOptions.For(new Uri("https://api.example.test/api/"), TestOptions.NoRetries);
        using var client = new ElasticFunnelsCrmClient(CrmClientRuntime.Create(options), handler, disposeHandler: true);

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal(
            new[] { "Cache-Control", "Content-Length", "Content-Type", "ETag", "Pragma", "Request-Id", "Server", "traceparent", "tracestate", "Vary", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-Request-Id" },
            ex.Error.Response!.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DependencyInjection_RequestLogsAtTrace_SafeHeadersShownTheKeyHidden()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", json: "[]", headers: new Dictionary<string, string> { ["X-Request-Id"] = "req-7", ["X-Internal"] = "secret-value" });
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

        await provider.GetRequiredService<IElasticFunnelsCrmClient>().Entities.ListAsync(Ct);

        var records = logs.Records;
        Assert.Contains(records, r => r.Contains("Accept: application/json", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains("X-Request-Id: req-7", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(records, r => r.Contains("EF-Access-Key: *", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Contains("X-Internal: *", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Contains(CrmStub.AccessKey, StringComparison.Ordinal) || r.Contains("secret-value", StringComparison.Ordinal));
    }
}
