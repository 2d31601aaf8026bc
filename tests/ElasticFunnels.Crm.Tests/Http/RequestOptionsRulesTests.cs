using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Http;

/// <summary>
/// The edges of per-call options: every header name RFC 9110 allows and every printable value goes out as given;
/// each header the SDK or the connection owns is refused with a message saying why; timeouts from exactly 10 ms
/// to exactly 24 hours are accepted.
/// </summary>
public sealed class RequestOptionsRulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (ElasticFunnelsCrmClient Client, CapturingHandler Handler) Create()
    {
        var handler = new CapturingHandler(Replies.EntityJson);
        return (new ElasticFunnelsCrmClient(TestOptions.For(new Uri("https://api.example.test/api/")), handler, disposeHandler: true), handler);
    }

    [Theory]
    [InlineData("X-azAZ09", "plain")]
    [InlineData("!#$%&'*+-.^_`|~", "v")]
    [InlineData("X-Tab", "a\tb")]
    [InlineData("X-Printable", " !\"#~}|{ az AZ 09 ")]
    public async Task Headers_ValidNameAndPrintableValue_SentAsGiven(string name, string value)
    {
        var (client, handler) = Create();
        using var _ = client;

        await client.Entities.GetAsync(1, new CrmRequestOptions { Headers = { [name] = value } }, Ct);

        Assert.Equal([value], Assert.Single(handler.Requests).Headers.GetValues(name));
    }

    [Theory]
    [InlineData("Keep-Alive")]
    [InlineData("TE")]
    [InlineData("Trailer")]
    [InlineData("Upgrade")]
    [InlineData("Expect")]
    [InlineData("proxy-connection")]
    [InlineData("Proxy-Anything")]
    [InlineData("content-anything")]
    [InlineData("HOST")]
    public async Task Headers_OwnedByTheConnectionOrTheSdk_RefusedWithTheReason(string name)
    {
        var (client, handler) = Create();
        using var _ = client;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Entities.GetAsync(1, new CrmRequestOptions { Headers = { [name] = "x" } }, Ct));

        Assert.Equal($"requestOptions.Headers cannot set '{name}': the SDK sets that header itself (the access key, Accept, Host, content and connection headers cannot be replaced per call). (Parameter 'requestOptions')", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("X Bad", "X Bad")]
    [InlineData("X-Bad:", "X-Bad:")]
    [InlineData("X-Bad\n", "X-Bad?")]
    [InlineData("X-Ünïcode", "X-Ünïcode")]
    [InlineData("X(", "X(")]
    public async Task Headers_InvalidName_RefusedNamingIt(string name, string printed)
    {
        var (client, handler) = Create();
        using var _ = client;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Entities.GetAsync(1, new CrmRequestOptions { Headers = { [name] = "x" } }, Ct));

        Assert.Equal($"requestOptions.Headers has the name '{printed}', which is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only). (Parameter 'requestOptions')", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("a\u007fb", "007F")]
    [InlineData("a\u0080b", "0080")]
    [InlineData("line\nbreak", "000A")]
    [InlineData("ü", "00FC")]
    public async Task Headers_ValueNotPrintableAscii_RefusedNamingTheCharacter(string value, string code)
    {
        var (client, handler) = Create();
        using var _ = client;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Entities.GetAsync(1, new CrmRequestOptions { Headers = { ["X-Value"] = value } }, Ct));

        Assert.Equal($"requestOptions.Headers['X-Value'] contains U+{code}; header values must be printable ASCII (no line breaks or control characters). (Parameter 'requestOptions')", ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Headers_NullValue_RefusedAskingToRemoveIt()
    {
        var (client, handler) = Create();
        using var _ = client;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Entities.GetAsync(1, new CrmRequestOptions { Headers = { ["X-Null"] = null! } }, Ct));

        Assert.Equal("requestOptions.Headers['X-Null'] is null; remove the header instead. (Parameter 'requestOptions')", ex.Message);
        Assert.Empty(handler.Requests);
    }

    public static TheoryData<TimeSpan> TimeoutsInRange() => new() { TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(24), Timeout.InfiniteTimeSpan };

    [Theory]
    [MemberData(nameof(TimeoutsInRange))]
    public async Task Timeout_AtTheEdgesOfTheRange_Accepted(TimeSpan timeout)
    {
        var (client, handler) = Create();
        using var _ = client;
        var large = timeout == TimeSpan.FromMilliseconds(10) ? TimeSpan.FromHours(1) : timeout;

        await client.Entities.GetAsync(1, new CrmRequestOptions { Timeout = large, AttemptTimeout = timeout }, Ct);

        Assert.Single(handler.Requests);
    }

    public static TheoryData<TimeSpan, string> TimeoutsOutOfRange() => new()
    {
        { TimeSpan.FromMilliseconds(10) - TimeSpan.FromTicks(1), "00:00:00.0099999" },
        { TimeSpan.FromHours(24) + TimeSpan.FromTicks(1), "1.00:00:00.0000001" },
    };

    [Theory]
    [MemberData(nameof(TimeoutsOutOfRange))]
    public async Task Timeout_JustOutsideTheRange_RefusedNamingTheProperty(TimeSpan timeout, string shown)
    {
        var (client, handler) = Create();
        using var _ = client;

        var total = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Entities.GetAsync(1, new CrmRequestOptions { Timeout = timeout }, Ct));
        var attempt = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Entities.GetAsync(1, new CrmRequestOptions { AttemptTimeout = timeout }, Ct));

        Assert.StartsWith($"requestOptions.Timeout must be between 10 ms and 24 hours, or Timeout.InfiniteTimeSpan (was {shown}).", total.Message);
        Assert.StartsWith($"requestOptions.AttemptTimeout must be between 10 ms and 24 hours, or Timeout.InfiniteTimeSpan (was {shown}).", attempt.Message);
        Assert.Empty(handler.Requests);
    }
}
