using System.Text.Json;
using ElasticFunnels.Crm.Serialization;
using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Serialization;

/// <summary>
/// The edges of the tolerant readers: timestamps (every vendor form, the range of Unix seconds, what is
/// refused and with which message), ids as strings or numbers, and objects or lists bare or wrapped.
/// </summary>
public sealed class TolerantConverterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Entry ReadEntry(string json) => JsonSerializer.Deserialize(json, CrmModelJsonContext.Default.Entry)!;

    private static async Task<Entry> GetEntryAsync(string json)
    {
        using var crm = new OfflineCrm(json);
        return await crm.Client.Entries.GetAsync("e1", Ct);
    }

    private static async Task<CrmResponseFormatException> GetEntryFailsAsync(string json)
    {
        using var crm = new OfflineCrm(json);
        return await Assert.ThrowsAsync<CrmResponseFormatException>(() => crm.Client.Entries.GetAsync("e1", Ct));
    }

    [Theory]
    [InlineData("-62135596800", "0001-01-01T00:00:00Z")]
    [InlineData("253402300799", "9999-12-31T23:59:59Z")]
    [InlineData("0", "1970-01-01T00:00:00Z")]
    [InlineData("\"-62135596800\"", "0001-01-01T00:00:00Z")]
    [InlineData("\"253402300799\"", "9999-12-31T23:59:59Z")]
    [InlineData("\" 2024-12-11 10:00:00 \"", "2024-12-11T10:00:00Z")]
    [InlineData("\"2024-12-11 12:00:00.5+02:00\"", "2024-12-11T10:00:00.5Z")]
    [InlineData("\"2024-12-11T10:00:00.25\"", "2024-12-11T10:00:00.25Z")]
    public void Read_TimestampAtTheEdgesOfWhatIsAccepted_IsRead(string json, string expected)
    {
        var entry = ReadEntry($$"""{"id":"e1","created_at":{{json}}}""");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), entry.CreatedAt);
    }

    [Theory]
    [InlineData("-62135596801")]
    [InlineData("253402300800")]
    public void Read_UnixSecondsOutsideYears1To9999_ThrowsSayingSo(string seconds)
    {
        var ex = Assert.Throws<JsonException>(() => ReadEntry($$"""{"id":"e1","created_at":{{seconds}}}"""));

        Assert.Equal("A Unix timestamp is outside the range of dates .NET can represent.", ex.Message);
    }

    [Theory]
    [InlineData("\"-62135596801\"")]
    [InlineData("\"253402300800\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("\"\"")]
    public void Read_StringThatIsNoTimestamp_ThrowsQuotingIt(string json)
    {
        var ex = Assert.Throws<JsonException>(() => ReadEntry($$"""{"id":"e1","created_at":{{json}}}"""));

        Assert.Equal($"'{JsonSerializer.Deserialize<string>(json)}' is not a timestamp in a form the ElasticFunnels API uses.", ex.Message);
    }

    [Fact]
    public void Read_TimestampOfAnotherKind_ThrowsNamingTheToken()
    {
        var ex = Assert.Throws<JsonException>(() => ReadEntry("""{"id":"e1","created_at":true}"""));

        Assert.Equal("Expected a timestamp string but found True.", ex.Message);
    }

    [Fact]
    public void Write_Timestamps_IsoUtcWithOnlyTheFractionNeeded()
    {
        var entry = ReadEntry("""{"id":"e1","created_at":"2024-12-11T12:00:00+02:00","updated_at":"2024-12-11T10:00:00.120Z"}""");

        var json = JsonSerializer.Serialize(entry, CrmModelJsonContext.Default.Entry);

        Assert.Contains("\"created_at\":\"2024-12-11T10:00:00Z\"", json);
        Assert.Contains("\"updated_at\":\"2024-12-11T10:00:00.12Z\"", json);
    }

    [Theory]
    [InlineData("123", "123")]
    [InlineData("1.5e3", "1.5e3")]
    [InlineData("\"abc\"", "abc")]
    public void Read_IdAsStringOrNumber_KeepsItsText(string json, string expected)
    {
        var entry = ReadEntry($$"""{"id":{{json}},"reference_id":{{json}}}""");

        Assert.Equal(expected, entry.Id);
        Assert.Equal(expected, entry.ReferenceId);
    }

    [Fact]
    public void Read_NullReferenceId_IsNull()
    {
        Assert.Null(ReadEntry("""{"id":"e1","reference_id":null}""").ReferenceId);
    }

    [Theory]
    [InlineData("{}", "StartObject")]
    [InlineData("[1]", "StartArray")]
    [InlineData("true", "True")]
    public void Read_IdOfAnotherKind_ThrowsNamingTheToken(string json, string token)
    {
        var ex = Assert.Throws<JsonException>(() => ReadEntry($$"""{"id":{{json}}}"""));

        Assert.Equal($"Expected an id (string or number) but found {token}.", ex.Message);
    }

    [Fact]
    public void Write_NumericId_IsWrittenAsAString()
    {
        var json = JsonSerializer.Serialize(ReadEntry("""{"id":7}"""), CrmModelJsonContext.Default.Entry);

        Assert.StartsWith("{\"id\":\"7\"", json);
    }

    [Theory]
    [InlineData("""{"meta":{"id":9},"data":{"id":"e2","title":"Wrapped"}}""")] // the wrapper's own properties come first
    [InlineData("""{"data":{"id":"e2","title":"Wrapped"},"meta":{"id":9}}""")]
    [InlineData("""{"success":true,"entry":{"id":"e2","title":"Wrapped"}}""")]
    [InlineData("""{"data":"not this","item":{"id":"e2","title":"Wrapped"}}""")] // a wrapper name holding no object is skipped
    [InlineData("""{"data":{"id":"e2","title":"Wrapped"},"entry":{"id":"e3","title":"Second"}}""")] // the first wrapper wins
    public async Task GetAsync_EntryWrapped_ReadsTheWrappedObject(string json)
    {
        var entry = await GetEntryAsync(json);

        Assert.Equal("e2", entry.Id);
        Assert.Equal("Wrapped", entry.Title);
    }

    [Theory]
    [InlineData("""{"data":{"id":"e2","title":"Wrapped"},"data":{"id":"e3","title":"Again"}}""")]
    public async Task GetAsync_WrapperNameTwice_ReadsTheFirst(string json)
    {
        var entry = await GetEntryAsync(json);

        Assert.Equal("e2", entry.Id);
    }

    [Theory]
    [InlineData("""{"data":null}""")]
    [InlineData("""{"success":true,"data":null}""")]
    [InlineData("null")]
    public async Task GetAsync_WrapperAroundNothing_IsAnEmptyBodyError(string json)
    {
        var ex = await GetEntryFailsAsync(json);

        Assert.Equal("GET /api/brands/42/crm/entries/e1 answered 200 with an empty body or JSON null; the SDK expected a JSON object (Entry).", ex.Message);
    }

    [Fact]
    public async Task GetAsync_NestedDataNull_IsNotAWrapperAroundNothing()
    {
        var entry = await GetEntryAsync("""{"title":"Bare","values_flat":{"data":null}}""");

        Assert.Equal("Bare", entry.Title);
    }

    [Theory]
    [InlineData("[1]", "StartArray")]
    [InlineData("\"e1\"", "String")]
    public async Task GetAsync_NotAnObject_FormatErrorNamesTheToken(string json, string token)
    {
        var ex = await GetEntryFailsAsync(json);

        Assert.Contains($"Expected a JSON object for Entry but found {token}.", ex.Message);
        Assert.Contains("answered 200 with", ex.Message);
    }

    private static async Task<IReadOnlyList<Stage>> ListStagesAsync(string json)
    {
        using var crm = new OfflineCrm(json);
        return await crm.Client.Stages.ListAsync(3, Ct);
    }

    [Theory]
    [InlineData("""[{"id":1,"name":"New"},{"id":2,"name":"Won"}]""")]
    [InlineData("""{"data":[{"id":1,"name":"New"},{"id":2,"name":"Won"}]}""")]
    [InlineData("""{"success":true,"stages":[{"id":1,"name":"New"},{"id":2,"name":"Won"}],"count":2}""")]
    [InlineData("""{"data":{"x":1},"items":[{"id":1,"name":"New"},{"id":2,"name":"Won"}]}""")]
    public async Task ListAsync_StagesBareOrWrapped_ReadsEveryItemInOrder(string json)
    {
        var stages = await ListStagesAsync(json);

        Assert.Equal([1L, 2L], stages.Select(s => s.Id));
        Assert.Equal(["New", "Won"], stages.Select(s => s.Name));
    }

    [Fact]
    public async Task ListAsync_EmptyArray_IsAnEmptyList()
    {
        Assert.Empty(await ListStagesAsync("[]"));
    }

    [Fact]
    public async Task ListAsync_NullItem_FormatErrorSaysWhere()
    {
        using var crm = new OfflineCrm("""[{"id":1,"name":"New"},null]""");

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => crm.Client.Stages.ListAsync(3, Ct));

        Assert.Contains("The list contains null where a Stage was expected.", ex.Message);
    }

    [Theory]
    [InlineData("""{"id":1,"name":"New"}""", "StartObject")]
    [InlineData("""{"stages":{"id":1}}""", "StartObject")]
    [InlineData("7", "Number")]
    public async Task ListAsync_NoArrayAnywhere_FormatErrorNamesTheToken(string json, string token)
    {
        using var crm = new OfflineCrm(json);

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => crm.Client.Stages.ListAsync(3, Ct));

        Assert.Contains($"Expected a JSON array of Stage (bare or wrapped in \"data\") but found {token}.", ex.Message);
    }

    [Fact]
    public async Task ListAsync_Null_IsAnEmptyBodyError()
    {
        using var crm = new OfflineCrm("null");

        var ex = await Assert.ThrowsAsync<CrmResponseFormatException>(() => crm.Client.Stages.ListAsync(3, Ct));

        Assert.EndsWith("with an empty body or JSON null; the SDK expected a JSON array of Stage.", ex.Message);
    }
}
