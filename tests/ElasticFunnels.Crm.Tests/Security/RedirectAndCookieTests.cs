using System.Net;
using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ElasticFunnels.Crm.Tests.Security;

/// <summary>The key goes only to the configured origin: redirects are never followed, and cookies are never kept.</summary>
public sealed class RedirectAndCookieTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void RedirectAll(CrmStub stub, int status, string location) =>
        stub.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", location));

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task GetAsync_RedirectToAnotherHost_ExceptionAndTheOtherHostSeesNothing(int status)
    {
        using var other = WireMockServer.Start();
        other.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":1}"""));
        using var stub = new CrmStub();
        RedirectAll(stub, status, other.Url + "/collect/keys?from=sdk");

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(
            $"GET /api/brands/42/crm/entities/1 was answered with a redirect ({status}) to {other.Url}/collect/keys. The SDK never follows redirects, even within the API's origin, so the access key is only ever sent to the configured BaseAddress; check BaseAddress (for example http:// where the API wants https://, or a missing /api path).",
            ex.Message);
        Assert.Single(stub.Requests);
        Assert.Empty(other.LogEntries);
    }

    [Fact]
    public async Task CreateAsync_307ToAnotherHost_PostBodyAndKeyNeverReachIt()
    {
        using var other = WireMockServer.Start();
        using var stub = new CrmStub();
        RedirectAll(stub, 307, other.Url + "/api/brands/42/crm/entities");

        await Assert.ThrowsAsync<CrmApiException>(() => stub.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads" }, Ct));

        Assert.Single(stub.Requests);
        Assert.Empty(other.LogEntries);
    }

    [Fact]
    public async Task GetAsync_RelativeRedirectWithinTheOrigin_NotFollowedEither()
    {
        using var stub = new CrmStub();
        RedirectAll(stub, 302, "/api/v2/brands/42/crm/entities/1");

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => stub.Client.Entities.GetAsync(1, Ct));

        Assert.Contains($"redirect (302) to {stub.Server.Url}/api/v2/brands/42/crm/entities/1.", ex.Message);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task DependencyInjection_ApplicationSuppliesARedirectFollowingHandler_SdkStillDoesNotFollow()
    {
        using var other = WireMockServer.Start();
        using var stub = new CrmStub();
        RedirectAll(stub, 302, other.Url + "/steal");
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o =>
            {
                o.AccessKey = CrmStub.AccessKey;
                o.BrandId = 42;
                o.BaseAddress = stub.Options.BaseAddress;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler()); // AllowAutoRedirect and UseCookies are true by default
        using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<IElasticFunnelsCrmClient>();

        await Assert.ThrowsAsync<CrmApiException>(() => crm.Entities.GetAsync(1, Ct));

        Assert.Single(stub.Requests);
        Assert.Empty(other.LogEntries);
    }

    [Fact]
    public void Constructor_FreshHandlerThatFollowsRedirects_IsMadeSafe()
    {
        using var handler = new HttpClientHandler();

        using var client = new ElasticFunnelsCrmClient(TestOptions.For(new Uri("https://api.example.test/api/")), handler);

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseCookies);
    }

    [Fact]
    public void Constructor_RedirectFollowingHandlerInsideADelegatingChain_IsMadeSafe()
    {
        var inner = new SocketsHttpHandler { UseCookies = false };
        using var handler = new PassThrough { InnerHandler = inner };

        using var client = new ElasticFunnelsCrmClient(TestOptions.For(new Uri("https://api.example.test/api/")), handler);

        Assert.False(inner.AllowAutoRedirect);
    }

    [Fact]
    public async Task Constructor_UsedHandlerThatFollowsRedirects_Rejected()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", json: "[]");
        using var handler = new SocketsHttpHandler();
        using (var plain = new HttpClient(handler, disposeHandler: false))
        {
            (await plain.GetAsync(stub.Server.Url + "/api/brands/42/crm/entities", Ct)).Dispose();
        }

        var ex = Assert.Throws<ArgumentException>(() => new ElasticFunnelsCrmClient(stub.Options, handler));

        Assert.Equal("handler", ex.ParamName);
        Assert.StartsWith("The handler follows redirects and keeps cookies (AllowAutoRedirect or UseCookies is true).", ex.Message);
    }

    [Fact]
    public async Task Constructor_FreshDefaultHandler_RedirectIsNotFollowed()
    {
        using var other = WireMock.Server.WireMockServer.Start();
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/2", 302, headers: new Dictionary<string, string> { ["Location"] = other.Url + "/steal" });
        using var client = new ElasticFunnelsCrmClient(stub.Options, new HttpClientHandler(), disposeHandler: true);

        await Assert.ThrowsAnyAsync<CrmApiException>(() => client.Entities.GetAsync(2, Ct));

        Assert.Empty(other.LogEntries);
    }

    [Fact]
    public async Task Constructor_HandlerWithRedirectsAndCookiesOff_Accepted()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", json: "[]");
        using var client = new ElasticFunnelsCrmClient(stub.Options, new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true);

        Assert.Empty(await client.Entities.ListAsync(Ct));
    }

    [Fact]
    public async Task ListAsync_ServerSetsCookie_NextRequestCarriesNoCookie()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", json: "[]", headers: new Dictionary<string, string> { ["Set-Cookie"] = "session=abc123; Path=/" });

        await stub.Client.Entities.ListAsync(Ct);
        await stub.Client.Entities.ListAsync(Ct);

        var requests = stub.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.False(r.RequestMessage!.Headers!.ContainsKey("Cookie")));
    }

    [Fact]
    public async Task DependencyInjection_ServerSetsCookie_NextRequestCarriesNoCookie()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", json: "[]", headers: new Dictionary<string, string> { ["Set-Cookie"] = "session=abc123; Path=/" });
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o =>
        {
            o.AccessKey = CrmStub.AccessKey;
            o.BrandId = 42;
            o.BaseAddress = stub.Options.BaseAddress;
        });
        using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<IElasticFunnelsCrmClient>();

        await crm.Entities.ListAsync(Ct);
        await crm.Entities.ListAsync(Ct);

        Assert.All(stub.Requests, r => Assert.False(r.RequestMessage!.Headers!.ContainsKey("Cookie")));
        Assert.Equal(2, stub.Requests.Count);
    }

    private sealed class PassThrough : DelegatingHandler;
}
