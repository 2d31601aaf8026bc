using System.Buffers.Binary;
using System.Buffers.Text;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Paging;

/// <summary>
/// A continuation token is persisted by one process and read by another, possibly a later release: its
/// encoding is a contract. The golden token below must not change; a token whose bytes were altered is
/// refused with the reason, before anything is sent.
/// </summary>
public sealed class ContinuationTokenFormatTests
{
    // Page 1 of 9 entries e9..e1, three per page, pipeline 1, entity 1: resume at page 2, total 9, the ids e9, e8, e7.
    private const string Golden = "AQIAAAADAAAA_dGvVjaI3NkJAAAAAAAAAAMAS3jpHEHAM3AileYcQVowcOVXBh1BvFVw";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> FirstToken(CrmStub stub)
    {
        _ = new LiveEntryList(stub, LiveEntryList.Ids(9));
        await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PerPage = 3, PipelineId = 1 }, Ct).AsPages())
        {
            return page.ContinuationToken!;
        }

        throw new InvalidOperationException("No page.");
    }

    private static string Altered(Action<byte[]> change)
    {
        var bytes = Base64Url.DecodeFromChars(Golden);
        change(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    [Fact]
    public async Task AsPages_FirstPage_TokenIsTheStableEncoding()
    {
        using var stub = new CrmStub();

        Assert.Equal(Golden, await FirstToken(stub));
    }

    [Fact]
    public async Task AsPages_GoldenToken_ResumesAtPageTwoWithThreePerPage()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(9));

        var ids = new List<string>();
        await foreach (var page in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PipelineId = 1 }, Ct).AsPages(Golden))
        {
            ids.AddRange(page.Values.Select(e => e.Id));
        }

        Assert.Equal(["e6", "e5", "e4", "e3", "e2", "e1"], ids);
        Assert.Equal([2, 3], list.PagesRequested());
    }

    public static TheoryData<string, string> DamagedTokens() => new()
    {
        { Altered(b => b[0] = 2), "it is not a token this version of the SDK wrote" },
        { Base64Url.EncodeToString(Base64Url.DecodeFromChars(Golden).AsSpan(0, 26)), "it is not a token this version of the SDK wrote" },
        { Altered(b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(1), 0)), "it is damaged" },
        { Altered(b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(5), 0)), "it is damaged" },
        { Altered(b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(5), EntryListOptions.MaxPerPage + 1)), "it is damaged" },
        { Base64Url.EncodeToString([.. Base64Url.DecodeFromChars(Golden), 0]), "it is damaged" },
        { Base64Url.EncodeToString(Base64Url.DecodeFromChars(Golden).AsSpan(0, 43)), "it is damaged" },
        { "not*base64", "it is not base64url text" },
    };

    [Theory]
    [MemberData(nameof(DamagedTokens))]
    public void AsPages_DamagedToken_RefusedWithTheReasonBeforeSending(string token, string why)
    {
        using var stub = new CrmStub();

        var ex = Assert.Throws<ArgumentException>(() => stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PipelineId = 1 }, Ct).AsPages(token));

        Assert.Equal($"continuationToken is not a valid continuation token: {why}. Pass a CrmPage.ContinuationToken unchanged. (Parameter 'continuationToken')", ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task AsPages_TokenWithTheLargestPageSize_Accepted()
    {
        using var stub = new CrmStub();
        var list = new LiveEntryList(stub, LiveEntryList.Ids(9));
        var token = Altered(b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(5), EntryListOptions.MaxPerPage));

        await foreach (var _ in stub.Client.Entries.ListAutoPagingAsync(1, new EntryListOptions { PipelineId = 1 }, Ct).AsPages(token))
        {
        }

        Assert.Equal([EntryListOptions.MaxPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture)], list.Queries().Select(q => q["per_page"]));
    }
}
