using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Security;

/// <summary>No id or query value a caller passes can make a request address another resource than the method names.</summary>
public sealed class IdEscapingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (ElasticFunnelsCrmClient Client, CapturingHandler Handler) Create()
    {
        var handler = new CapturingHandler();
        return (new ElasticFunnelsCrmClient(TestOptions.For(new Uri("https://api.example.test/api/")), handler, disposeHandler: true), handler);
    }

    public static TheoryData<string, string> RejectedEntryIds() => new()
    {
        { "", "must not be empty or whitespace" },
        { "   ", "must not be empty or whitespace" },
        { "\t", "must not be empty or whitespace" },
        { ".", "it would address another resource" },
        { "..", "it would address another resource" },
        { "a/b", "contains '/'" },
        { "/", "contains '/'" },
        { "../entities", "contains '/'" },
        { "a\\b", "contains '\\'" },
        { "a\u0000b", "contains '\\u0000'" },
        { "a\nb", "contains '\\u000a'" },
        { "a\rb", "contains '\\u000d'" },
        { "a\u007fb", "contains '\\u007f'" },
        { "a\u0085b", "contains '\\u0085'" },
        { "a\ud800b", "unpaired UTF-16 surrogate at index 1" },
        { "\udc00", "unpaired UTF-16 surrogate at index 0" },
        { new string('a', 513), "is 513 characters long; an entry id has at most 512" },
    };

    [Theory]
    [MemberData(nameof(RejectedEntryIds))]
    public async Task GetAsync_HostileEntryId_RejectedBeforeAnythingIsSent(string entryId, string rule)
    {
        var (client, handler) = Create();
        using var _ = client;

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Entries.GetAsync(entryId, Ct));

        Assert.Equal("entryId", ex.ParamName);
        Assert.Contains(rule, ex.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task GetAsync_NullEntryId_ArgumentNullException()
    {
        var (client, handler) = Create();
        using var _ = client;

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Entries.GetAsync(null!, Ct));

        Assert.Empty(handler.Requests);
    }

    public static TheoryData<string, string> EscapedEntryIds() => new()
    {
        { "AbC-12_x", "AbC-12_x" },
        { "a?b", "a%3Fb" },
        { "a#b", "a%23b" },
        { "a b", "a%20b" },
        { "a%2Fb", "a%252Fb" },
        { "%2e%2e", "%252e%252e" },
        { "...", "..." },
        { " ..", "%20.." },
        { "a;b", "a%3Bb" },
        { "a&b=c", "a%26b%3Dc" },
        { "{entry}", "%7Bentry%7D" },
        { "ü", "%C3%BC" },
        { "😀", "%F0%9F%98%80" },
        { "a+b", "a%2Bb" },
        { new string('z', 512), new string('z', 512) },
    };

    [Theory]
    [MemberData(nameof(EscapedEntryIds))]
    public async Task GetAsync_UnusualEntryId_EscapedAsOnePathSegment(string entryId, string escaped)
    {
        var (client, handler) = Create();
        using var _ = client;

        await client.Entries.GetAsync(entryId, Ct);
        await client.Entries.MoveToStageAsync(5, entryId, 3, Ct);

        var get = handler.Requests[0].RequestUri!;
        Assert.Equal("/api/brands/42/crm/entries/" + escaped, get.AbsolutePath);
        Assert.Equal(string.Empty, get.Query);
        Assert.Equal(string.Empty, get.Fragment);
        Assert.Equal(entryId, Uri.UnescapeDataString(get.AbsolutePath["/api/brands/42/crm/entries/".Length..]));
        Assert.Equal($"/api/brands/42/crm/entities/5/entries/{escaped}/stage", handler.Requests[1].RequestUri!.AbsolutePath);
    }

    public static TheoryData<string> HostileQueryValues() => new()
    {
        "x&per_page=1000",
        "a=b",
        "#fragment",
        "100% sure?",
        "+plus+",
        "ü😀",
        "../../entities",
    };

    [Theory]
    [MemberData(nameof(HostileQueryValues))]
    public async Task ListAsync_HostileQueryValues_EachStaysOneParameter(string value)
    {
        var handler = new CapturingHandler("""{"data":[],"current_page":1,"last_page":1,"per_page":25,"total":0}""");
        using var client = new ElasticFunnelsCrmClient(TestOptions.For(new Uri("https://api.example.test/api/")), handler, disposeHandler: true);

        await client.Entries.ListAsync(1, new EntryListOptions { Search = value, ReferenceType = value, ReferenceId = value, PerPage = 10 }, Ct);

        var uri = Assert.Single(handler.Requests).RequestUri!;
        Assert.Equal("/api/brands/42/crm/entities/1/entries", uri.AbsolutePath);
        Assert.Equal(string.Empty, uri.Fragment);
        var query = CrmStub.ParseQuery(uri.Query);
        Assert.Equal(["per_page", "q", "reference_id", "reference_type"], query.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("10", query["per_page"]);
        Assert.Equal(value, query["q"]);
        Assert.Equal(value, query["reference_id"]);
        Assert.Equal(value, query["reference_type"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public async Task GetAsync_NonPositiveNumericId_Rejected(long id)
    {
        var (client, handler) = Create();
        using var _ = client;

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Entities.GetAsync(id, Ct));

        Assert.Equal("entityId", ex.ParamName);
        Assert.Empty(handler.Requests);
    }
}
