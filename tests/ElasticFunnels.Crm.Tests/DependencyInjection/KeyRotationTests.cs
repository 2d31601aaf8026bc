using ElasticFunnels.Crm.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ElasticFunnels.Crm.Tests.DependencyInjection;

/// <summary>
/// A client from dependency injection follows reloads of its access key: the next call uses the new key, a
/// call under way keeps its own, an invalid reload keeps the last valid key, and no key reaches the logs.
/// </summary>
public sealed class KeyRotationTests : IDisposable
{
    private const string OldKey = "ef_live_rotation_old_5d4c3b2a";
    private const string NewKey = "ef_live_rotation_new_9e8f7a6b";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly CapturingLoggerProvider _logs = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("brand-b")]
    public async Task Reload_NewAccessKey_NextCallUsesItAndCallUnderWayFinishesWithOldKey(string? serviceKey)
    {
        // Entity 1 answers the old key with a 503 first, so its call is retried; entity 2 answers the new key.
        _server.Given(Request.Create().WithPath("/api/brands/42/crm/entities/1").UsingGet().WithHeader("EF-Access-Key", OldKey))
            .InScenario("flaky").WillSetStateTo("answered").RespondWith(Json(503, """{"message":"busy"}"""));
        _server.Given(Request.Create().WithPath("/api/brands/42/crm/entities/1").UsingGet().WithHeader("EF-Access-Key", OldKey))
            .InScenario("flaky").WhenStateIs("answered").RespondWith(Json(200, Replies.EntityJson));
        _server.Given(Request.Create().WithPath("/api/brands/42/crm/entities/2").UsingGet().WithHeader("EF-Access-Key", NewKey))
            .RespondWith(Json(200, """{"id":2,"name":"Deals","slug":"deals"}"""));
        _server.Given(Request.Create().UsingAnyMethod()).AtPriority(100).RespondWith(Json(401, """{"message":"Unauthenticated."}"""));
        CrmEntity? next = null;

        // The first attempt has been answered (503, old key) and is held; the key changes before its retry.
        var finished = await RotateWhileFirstAnswerHeld(serviceKey, async crm => next = await crm.Entities.GetAsync(2, Ct));

        Assert.Equal(2, next?.Id);
        Assert.Equal(1, finished.Id);
        Assert.Equal(
            ["/api/brands/42/crm/entities/1 " + OldKey, "/api/brands/42/crm/entities/2 " + NewKey, "/api/brands/42/crm/entities/1 " + OldKey],
            _server.LogEntries.Select(e => $"{e.RequestMessage!.Path} {string.Join(",", e.RequestMessage.Headers!["EF-Access-Key"])}"));
        Assert.All(_server.LogEntries, e => Assert.NotEqual(401, Convert.ToInt32(e.ResponseMessage!.StatusCode, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(_logs.Records, r => r.Contains("[AccessKeyRotated]", StringComparison.Ordinal) && r.Contains("new access key", StringComparison.Ordinal));
        AssertNoKeyInLogs();
    }

    [Fact]
    public async Task Reload_OldKeyRefusedWhileCallRan_CallSentOnceMoreWithNewKey()
    {
        // The vendor invalidates a key the moment it is regenerated: the call under way is refused with 401.
        _server.Given(Request.Create().UsingGet().WithHeader("EF-Access-Key", NewKey)).RespondWith(Json(200, Replies.EntityJson));
        _server.Given(Request.Create().UsingAnyMethod()).AtPriority(100).RespondWith(Json(401, """{"message":"Unauthenticated."}"""));
        var entity = await RotateWhileFirstAnswerHeld(null, _ => Task.CompletedTask);

        Assert.Equal(1, entity.Id);
        Assert.Equal(
            ["401 " + OldKey, "200 " + NewKey],
            _server.LogEntries.Select(e => $"{Convert.ToInt32(e.ResponseMessage!.StatusCode, System.Globalization.CultureInfo.InvariantCulture)} {string.Join(",", e.RequestMessage!.Headers!["EF-Access-Key"])}"));
        AssertNoKeyInLogs();
    }

    [Fact]
    public async Task Reload_KeyNotRotated_401IsNotRetried()
    {
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Json(401, """{"message":"Unauthenticated."}"""));
        var (configuration, section) = Configuration(null, OldKey);
        await using var provider = Provider(null, configuration, section, hold: null);

        var error = await Assert.ThrowsAsync<CrmAuthenticationException>(() => Client(provider, null).Entities.GetAsync(1, Ct));

        Assert.Equal(1, error.RawResponse!.Attempts);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task Reload_InvalidOptions_ClientKeepsLastValidKeyAndLogsWarning()
    {
        _server.Given(Request.Create().UsingGet().WithHeader("EF-Access-Key", OldKey)).RespondWith(Json(200, Replies.EntityJson));
        _server.Given(Request.Create().UsingGet().WithHeader("EF-Access-Key", NewKey)).RespondWith(Json(200, Replies.EntityJson));
        _server.Given(Request.Create().UsingAnyMethod()).AtPriority(100).RespondWith(Json(401, """{"message":"Unauthenticated."}"""));
        var (configuration, section) = Configuration(null, OldKey);
        await using var provider = Provider(null, configuration, section, hold: null);
        var crm = Client(provider, null);
        await crm.Entities.GetAsync(1, Ct);

        // IOptionsMonitor's own listener throws the validation error to whoever triggers the reload (that is
        // Microsoft.Extensions.Options; a watched file's reload runs on a background task, which swallows it).
        // The SDK's client is not affected.
        var reload = Record.Exception(() => configuration.Set(new Dictionary<string, string?> { [$"{section}:AccessKey"] = "" }));
        await crm.Entities.GetAsync(1, Ct);
        configuration.Set(new Dictionary<string, string?> { [$"{section}:AccessKey"] = NewKey });
        await crm.Entities.GetAsync(1, Ct);

        Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(Assert.Single(Assert.IsType<AggregateException>(reload).Flatten().InnerExceptions));
        Assert.Equal([OldKey, OldKey, NewKey], _server.LogEntries.Select(e => string.Join(",", e.RequestMessage!.Headers!["EF-Access-Key"])));
        var warning = Assert.Single(_logs.Records, r => r.StartsWith("Warning", StringComparison.Ordinal) && r.Contains("[ReloadedOptionsInvalid]", StringComparison.Ordinal));
        Assert.Contains("AccessKey is missing", warning, StringComparison.Ordinal);
        Assert.Contains("keeps running with its last valid access key", warning, StringComparison.Ordinal);
        AssertNoKeyInLogs();
    }

    [Fact]
    public async Task Reload_BrandIdChanged_KeptUntilRestartAndLogged()
    {
        _server.Given(Request.Create().UsingGet()).RespondWith(Json(200, Replies.EntityJson));
        var (configuration, section) = Configuration(null, OldKey);
        await using var provider = Provider(null, configuration, section, hold: null);
        var crm = Client(provider, null);

        configuration.Set(new Dictionary<string, string?> { [$"{section}:AccessKey"] = NewKey, [$"{section}:BrandId"] = "77" });
        await crm.Entities.GetAsync(1, Ct);

        Assert.Equal(42, crm.BrandId);
        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.Equal("/api/brands/42/crm/entities/1", request.Path);
        Assert.Equal([NewKey], request.Headers!["EF-Access-Key"]);
        var warning = Assert.Single(_logs.Records, r => r.Contains("[ReloadedOptionsIgnored]", StringComparison.Ordinal));
        Assert.Contains("changes BrandId; a running client follows only AccessKey", warning, StringComparison.Ordinal);
        AssertNoKeyInLogs();
    }

    [Fact]
    public async Task Reload_NewAccessKey_NewKeyHasItsOwnRequestBudget()
    {
        // One request per hour per key: a second call with the same key cannot wait that long and fails at once.
        _server.Given(Request.Create().UsingGet()).RespondWith(Json(200, Replies.EntityJson));
        var (configuration, section) = Configuration(null, OldKey, new()
        {
            ["RateLimit:Mode"] = "Fixed",
            ["RateLimit:PermitLimit"] = "1",
            ["RateLimit:Window"] = "01:00:00",
            ["Timeout"] = "00:00:05",
        });
        await using var provider = Provider(null, configuration, section, hold: null);
        var crm = Client(provider, null);

        await crm.Entities.GetAsync(1, Ct);
        await Assert.ThrowsAsync<CrmRateLimitException>(() => crm.Entities.GetAsync(1, Ct));
        configuration.Set(new Dictionary<string, string?> { [$"{section}:AccessKey"] = NewKey });
        await crm.Entities.GetAsync(1, Ct);

        Assert.Equal([OldKey, NewKey], _server.LogEntries.Select(e => string.Join(",", e.RequestMessage!.Headers!["EF-Access-Key"])));
    }

    [Fact]
    public async Task Reload_ServerEchoesOldAndNewKey_ErrorCarriesNeither()
    {
        _server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Json(422, $$$"""{"message":"Key {{{OldKey}}} was replaced by {{{NewKey}}}.","errors":{"{{{OldKey}}}":["{{{NewKey}}}"]}}"""));
        var (configuration, section) = Configuration(null, OldKey);
        await using var provider = Provider(null, configuration, section, hold: null);
        var crm = Client(provider, null);

        configuration.Set(new Dictionary<string, string?> { [$"{section}:AccessKey"] = NewKey });
        var error = await Assert.ThrowsAsync<CrmValidationException>(() => crm.Entities.GetAsync(1, Ct));

        var shown = $"{error} {error.ApiMessage} {string.Join(";", error.FieldErrors.Select(f => $"{f.Key}={string.Join(",", f.Value)}"))}";
        Assert.Contains("Key *** was replaced by ***.", error.ApiMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(OldKey, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(NewKey, shown, StringComparison.Ordinal);
        AssertNoKeyInLogs();
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static IResponseBuilder Json(int status, string body) => Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private (ReloadableConfiguration Source, string Section) Configuration(string? serviceKey, string key, Dictionary<string, string?>? more = null)
    {
        var section = serviceKey is null ? "ElasticFunnels:Crm" : "Brands:B";
        var values = new Dictionary<string, string?>
        {
            [$"{section}:AccessKey"] = key,
            [$"{section}:BrandId"] = "42",
            [$"{section}:BaseAddress"] = _server.Url + "/api/",
            [$"{section}:Retry:BaseDelay"] = "00:00:00.001",
            [$"{section}:Retry:MaxDelay"] = "00:00:00.005",
        };
        foreach (var (name, value) in more ?? [])
        {
            values[$"{section}:{name}"] = value;
        }

        return (new ReloadableConfiguration(values), section);
    }

    private ServiceProvider Provider(string? serviceKey, ReloadableConfiguration source, string section, HoldFirstAnswer? hold)
    {
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        var builder = serviceKey is null
            ? services.AddElasticFunnelsCrm(configuration)
            : services.AddKeyedElasticFunnelsCrm(serviceKey, configuration.GetSection(section));
        if (hold is not null)
        {
            builder.AddHttpMessageHandler(() => hold);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Starts <c>GET entities/1</c> with the old key and holds its first answer; meanwhile the configuration
    /// brings the new key and <paramref name="meanwhile"/> runs; then lets the call finish and returns its result.
    /// </summary>
    private async Task<CrmEntity> RotateWhileFirstAnswerHeld(string? serviceKey, Func<IElasticFunnelsCrmClient, Task> meanwhile)
    {
        var (configuration, section) = Configuration(serviceKey, OldKey);
        var hold = new HoldFirstAnswer("/entities/1");
        await using var provider = Provider(serviceKey, configuration, section, hold);
        var crm = Client(provider, serviceKey);

        var underWay = crm.Entities.GetAsync(1, Ct);
        await hold.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        configuration.Set(new Dictionary<string, string?> { [$"{section}:AccessKey"] = NewKey });
        await meanwhile(crm);
        hold.Release.SetResult();
        return await underWay;
    }

    private static IElasticFunnelsCrmClient Client(IServiceProvider provider, string? serviceKey) =>
        serviceKey is null ? provider.GetRequiredService<IElasticFunnelsCrmClient>() : provider.GetRequiredKeyedService<IElasticFunnelsCrmClient>(serviceKey);

    private void AssertNoKeyInLogs()
    {
        Assert.NotEmpty(_logs.Records);
        Assert.DoesNotContain(_logs.Records, r => r.Contains(OldKey, StringComparison.Ordinal) || r.Contains(NewKey, StringComparison.Ordinal));
    }

    /// <summary>Holds the answer to the first request whose path ends with <paramref name="pathEnd"/> until released.</summary>
    private sealed class HoldFirstAnswer(string pathEnd) : DelegatingHandler
    {
        private int _held;

        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal) && Interlocked.Exchange(ref _held, 1) == 0)
            {
                Arrived.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            return response;
        }
    }
}
