using System.Net;
using ElasticFunnels.Crm.Http;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>What the SDK's objects say about themselves in logs and debuggers: the facts, never a header value or a key.</summary>
public sealed class DescriptionTextTests
{
    [Fact]
    public void CrmResponse_ToString_OneAttemptWithRequestId()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Request-Id"] = "7f3a", ["Set-Cookie"] = "secret=1" };
        var response = new CrmResponse(HttpStatusCode.Created, headers, "POST", "/api/brands/42/crm/entities/1/entries", 1, TimeSpan.FromMilliseconds(12.4));

        Assert.Equal("201 POST /api/brands/42/crm/entities/1/entries (1 attempt, 12 ms, request id 7f3a)", response.ToString());
    }

    [Fact]
    public void CrmResponse_ToString_SeveralAttemptsWithoutRequestId()
    {
        var response = new CrmResponse(HttpStatusCode.OK, null, "GET", "/api/brands/42/crm/entities/1", 3, TimeSpan.FromMilliseconds(1500));

        Assert.Equal("200 GET /api/brands/42/crm/entities/1 (3 attempts, 1500 ms)", response.ToString());
    }

    [Fact]
    public void CrmResponse_ToString_CorrelationIdWhenThereIsNoRequestId()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-correlation-id"] = "corr-9" };
        var response = new CrmResponse(HttpStatusCode.NoContent, headers, "DELETE", "/api/brands/42/crm/entities/1", 2, TimeSpan.Zero);

        Assert.Equal("204 DELETE /api/brands/42/crm/entities/1 (2 attempts, 0 ms, request id corr-9)", response.ToString());
    }

    [Fact]
    public void CrmRequestOptions_ToString_Defaults_SayTheClientDecides()
    {
        Assert.Equal(
            "CrmRequestOptions { Timeout = (client), AttemptTimeout = (client), Headers = [], DisableRetries = False, ValidateAgainstSchema = (client) }",
            new CrmRequestOptions().ToString());
    }

    [Fact]
    public void CrmRequestOptions_ToString_EverySetting_HeaderNamesWithoutTheirValues()
    {
        var options = new CrmRequestOptions
        {
            Timeout = TimeSpan.FromSeconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(2),
            Headers = { ["X-Trace-Id"] = "trace-secret", ["X-Tenant"] = "acme-secret" },
            DisableRetries = true,
            ValidateAgainstSchema = false,
        };

        Assert.Equal(
            "CrmRequestOptions { Timeout = 00:00:05, AttemptTimeout = 00:00:02, Headers = [X-Trace-Id, X-Tenant], DisableRetries = True, ValidateAgainstSchema = False }",
            options.ToString());
    }

    [Fact]
    public void CrmCredential_ToString_NeverTheKey()
    {
        Assert.Equal("CrmCredential { AccessKey = *** }", new CrmCredential("ef_live_never_shown_0a1b2c", null).ToString());
    }

    [Fact]
    public void CrmRetryOptions_Default_UsesJitter()
    {
        Assert.True(new CrmRetryOptions().UseJitter);
        Assert.True(new ElasticFunnelsCrmOptions().Retry.UseJitter);
    }
}
