using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ElasticFunnels.Crm.Tests.Security;

/// <summary>
/// A primary handler the application supplies gets neither cookies nor redirects, whichever of the two it
/// had on: the server's cookie never comes back, a redirect is never followed. A handler that already sent
/// requests cannot be changed, so it is refused with a message naming what is wrong.
/// </summary>
public sealed class PrimaryHandlerRulesTests
{
    private const string EntitiesPath = "/api/brands/42/crm/entities";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CrmStub StubSettingACookie() =>
        new CrmStub().Respond("GET", EntitiesPath, json: "[]", headers: new Dictionary<string, string> { ["Set-Cookie"] = "session=abc123; Path=/" });

    private static async Task AssertNoCookieSentBack(CrmStub stub, IElasticFunnelsCrmClient client)
    {
        await client.Entities.ListAsync(Ct);
        await client.Entities.ListAsync(Ct);

        Assert.Equal(2, stub.Requests.Count);
        Assert.All(stub.Requests, r => Assert.False(r.RequestMessage!.Headers!.ContainsKey("Cookie"), "The server's cookie was sent back."));
    }

    private static async Task UseOnce(HttpMessageHandler handler, CrmStub stub)
    {
        using var plain = new HttpClient(handler, disposeHandler: false);
        (await plain.GetAsync(stub.Server.Url + EntitiesPath, Ct)).Dispose();
    }

    [Fact]
    public async Task Constructor_SocketsHandlerKeepingCookies_ServerCookieNeverSentBack()
    {
        using var stub = StubSettingACookie();
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        using var client = new ElasticFunnelsCrmClient(stub.Options, handler, disposeHandler: true);

        await AssertNoCookieSentBack(stub, client);
        Assert.False(handler.UseCookies);
    }

    [Fact]
    public async Task Constructor_HttpClientHandlerKeepingCookies_ServerCookieNeverSentBack()
    {
        using var stub = StubSettingACookie();
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new ElasticFunnelsCrmClient(stub.Options, handler, disposeHandler: true);

        await AssertNoCookieSentBack(stub, client);
        Assert.False(handler.UseCookies);
    }

    [Fact]
    public async Task Constructor_HttpClientHandlerFollowingRedirects_RedirectNotFollowed()
    {
        using var other = WireMockServer.Start();
        using var stub = new CrmStub();
        stub.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", other.Url + "/steal"));
        var handler = new HttpClientHandler { UseCookies = false };
        using var client = new ElasticFunnelsCrmClient(stub.Options, handler, disposeHandler: true);

        var ex = await Assert.ThrowsAsync<CrmApiException>(() => client.Entities.GetAsync(1, Ct));

        Assert.Equal(302, (int)ex.StatusCode);
        Assert.Empty(other.LogEntries);
        Assert.False(handler.AllowAutoRedirect);
    }

    [Fact]
    public async Task DependencyInjection_SocketsHandlerKeepingCookies_ServerCookieNeverSentBack()
    {
        using var stub = StubSettingACookie();
        var services = new ServiceCollection();
        services.AddElasticFunnelsCrm(o =>
            {
                o.AccessKey = CrmStub.AccessKey;
                o.BrandId = CrmStub.BrandId;
                o.BaseAddress = stub.Options.BaseAddress;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        using var provider = services.BuildServiceProvider();

        await AssertNoCookieSentBack(stub, provider.GetRequiredService<IElasticFunnelsCrmClient>());
    }

    [Fact]
    public async Task Constructor_UsedHandlerKeepingCookiesOnly_RejectedNamingCookies()
    {
        using var stub = StubSettingACookie();
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        await UseOnce(handler, stub);

        var ex = Assert.Throws<ArgumentException>(() => new ElasticFunnelsCrmClient(stub.Options, handler));

        Assert.Equal("handler", ex.ParamName);
        Assert.StartsWith("The handler keeps cookies (AllowAutoRedirect or UseCookies is true). A redirect would carry the EF-Access-Key header to wherever it points", ex.Message);
    }

    [Fact]
    public async Task Constructor_UsedHttpClientHandlerFollowingRedirectsOnly_RejectedNamingRedirects()
    {
        using var stub = StubSettingACookie();
        using var handler = new HttpClientHandler { UseCookies = false };
        await UseOnce(handler, stub);

        var ex = Assert.Throws<ArgumentException>(() => new ElasticFunnelsCrmClient(stub.Options, handler));

        Assert.Equal("handler", ex.ParamName);
        Assert.StartsWith("The handler follows redirects (AllowAutoRedirect or UseCookies is true).", ex.Message);
    }

    [Fact]
    public async Task Constructor_UsedHandlerAlreadySafe_Accepted()
    {
        using var stub = StubSettingACookie();
        using var sockets = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        using var classic = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        await UseOnce(sockets, stub);
        await UseOnce(classic, stub);

        using var viaSockets = new ElasticFunnelsCrmClient(stub.Options, sockets);
        using var viaClassic = new ElasticFunnelsCrmClient(stub.Options, classic);

        Assert.Empty(await viaSockets.Entities.ListAsync(Ct));
        Assert.Empty(await viaClassic.Entities.ListAsync(Ct));
    }
}
