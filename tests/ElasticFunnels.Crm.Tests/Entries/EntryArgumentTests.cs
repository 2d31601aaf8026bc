using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Entries;

/// <summary>The documented rules for entry arguments, at their edges: what is sent, and what fails before sending with which message.</summary>
public sealed class EntryArgumentTests
{
    private const string EntryJson = """{"id":"e1","title":"x"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, null)]
    [InlineData(1L, 1L)]
    public async Task CreateAsync_PipelineAndStageBothOrNeither_IsSent(long? pipelineId, long? stageId)
    {
        using var crm = new OfflineCrm(EntryJson);

        await crm.SendsAsync(c => c.Entries.CreateAsync(1, new EntryCreateRequest { Title = "Jane", PipelineId = pipelineId, StageId = stageId }, Ct));
    }

    [Theory]
    [InlineData(1L, null)]
    [InlineData(null, 1L)]
    public async Task CreateAsync_OnlyOneOfPipelineAndStage_ThrowsExplainingBothModes(long? pipelineId, long? stageId)
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entries.CreateAsync(1, new EntryCreateRequest { Title = "Jane", PipelineId = pipelineId, StageId = stageId }, Ct));

        Assert.Equal("request", ex.ParamName);
        Assert.StartsWith("request.PipelineId and request.StageId go together: set both for an entity in CRM mode (the stage must belong to the pipeline), or neither for an entity in data mode.", ex.Message);
    }

    public static TheoryData<string, EntryCreateRequest> OptionalIdsOfZero() => new()
    {
        { "request.PipelineId", new EntryCreateRequest { Title = "T", PipelineId = 0, StageId = 1 } },
        { "request.StageId", new EntryCreateRequest { Title = "T", PipelineId = 1, StageId = 0 } },
        { "request.AssignedToUserId", new EntryCreateRequest { Title = "T", AssignedToUserId = 0 } },
        { "request.AssignedToTeamId", new EntryCreateRequest { Title = "T", AssignedToTeamId = -5 } },
    };

    [Theory]
    [MemberData(nameof(OptionalIdsOfZero))]
    public async Task CreateAsync_OptionalIdZeroOrLess_ThrowsNamingTheProperty(string name, EntryCreateRequest request)
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Entries.CreateAsync(1, request, Ct));

        Assert.Equal(name, ex.ParamName);
        Assert.StartsWith($"{name} must be greater than zero when set (was {ex.ActualValue}).", ex.Message);
    }

    [Fact]
    public async Task CreateAsync_OptionalIdsOfOne_AreSent()
    {
        using var crm = new OfflineCrm(EntryJson);

        var request = await crm.SendsAsync(c => c.Entries.CreateAsync(1, new EntryCreateRequest { Title = "T", PipelineId = 1, StageId = 1, AssignedToUserId = 1, AssignedToTeamId = 1 }, Ct));

        var body = request.Body;
        Assert.Contains("\"assigned_to_user_id\":1", body);
        Assert.Contains("\"assigned_to_team_id\":1", body);
    }

    [Theory]
    [InlineData("ReferenceType")]
    [InlineData("ReferenceId")]
    public async Task UpdateAsync_BlankReference_ThrowsSayingToLeaveItNull(string property)
    {
        using var crm = new OfflineCrm(EntryJson);
        var request = property == "ReferenceType" ? new EntryUpdateRequest { ReferenceType = " " } : new EntryUpdateRequest { ReferenceId = "" };

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entries.UpdateAsync("e1", request, Ct));

        Assert.StartsWith($"request.{property} must not be empty or whitespace when set; leave it null to keep the current value.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task UpdateAsync_BlankValueKey_ThrowsBeforeSending(string key)
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entries.UpdateAsync("e1", new EntryUpdateRequest { Values = new Dictionary<string, FieldValue> { ["ok"] = 1, [key] = 2 } }, Ct));

        Assert.StartsWith("request.Values contains an empty field key.", ex.Message);
    }

    [Fact]
    public async Task UpdateAsync_ValuesWithKeys_IsSent()
    {
        using var crm = new OfflineCrm(EntryJson);

        var request = await crm.SendsAsync(c => c.Entries.UpdateAsync("e1", new EntryUpdateRequest { Values = new Dictionary<string, FieldValue> { ["a"] = 1 } }, Ct));

        Assert.Contains("\"a\":1", request.Body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task UpdateAsync_PipelineOrStageIdZeroOrLess_Throws(long id)
    {
        using var crm = new OfflineCrm(EntryJson);

        var pipeline = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Entries.UpdateAsync("e1", new EntryUpdateRequest { PipelineId = id }, Ct));
        var stage = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Entries.UpdateAsync("e1", new EntryUpdateRequest { StageId = id }, Ct));

        Assert.Equal("request.PipelineId", pipeline.ParamName);
        Assert.Equal("request.StageId", stage.ParamName);
    }

    [Fact]
    public async Task CreateAsync_MissingTitle_ThrowsNamingIt()
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entries.CreateAsync(1, new EntryCreateRequest { Title = "\t" }, Ct));

        Assert.StartsWith("request.Title is required and must not be empty or whitespace.", ex.Message);
    }

    [Fact]
    public async Task MoveToStageAsync_StageIdZero_Throws()
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Entries.MoveToStageAsync("e1", 0, Ct));

        Assert.Equal("stageId", ex.ParamName);
    }

    [Fact]
    public async Task DeleteAsync_EntityIdZero_Throws()
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Entries.DeleteAsync(0, "e1", Ct));

        Assert.Equal("entityId", ex.ParamName);
    }

    [Theory]
    [InlineData("\ud83d\ude00", "%F0%9F%98%80")] // a surrogate pair is one character, not an unpaired half
    [InlineData("a\ud83d\ude00b", "a%F0%9F%98%80b")]
    [InlineData("...", "...")]
    public async Task GetAsync_ValidUnusualEntryId_IsSentEscaped(string entryId, string segment)
    {
        using var crm = new OfflineCrm(EntryJson);

        var request = await crm.SendsAsync(c => c.Entries.GetAsync(entryId, Ct));

        Assert.Equal($"/api/brands/42/crm/entries/{segment}", request.RequestUri.AbsolutePath);
    }

    [Fact]
    public async Task GetAsync_HighSurrogateAtTheEnd_ThrowsNamingTheIndex()
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entries.GetAsync("ab\ud83d", Ct));

        Assert.StartsWith("entryId contains an unpaired UTF-16 surrogate at index 2; an entry id must be valid Unicode text.", ex.Message);
    }

    [Fact]
    public async Task GetAsync_TwoHighSurrogates_ThrowsAtTheFirst()
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entries.GetAsync("\ud83d\ud83d\ude00", Ct));

        Assert.Contains("at index 0", ex.Message);
    }

    [Theory]
    [InlineData("a/b", "entryId contains '/', which an entry id cannot contain (slashes, backslashes and control characters would change the path).")]
    [InlineData("a\u0001", "entryId contains '\\u0001', which an entry id cannot contain")]
    [InlineData(".", "entryId cannot be '.': it would address another resource.")]
    [InlineData("..", "entryId cannot be '..': it would address another resource.")]
    [InlineData(" ", "entryId must not be empty or whitespace.")]
    public async Task GetAsync_InvalidEntryId_MessageSaysWhy(string entryId, string message)
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entries.GetAsync(entryId, Ct));

        Assert.StartsWith(message, ex.Message);
    }

    [Theory]
    [InlineData(0, null, "options.PerPage must be between 1 and 100 (was 0).")]
    [InlineData(101, null, "options.PerPage must be between 1 and 100 (was 101).")]
    [InlineData(null, 0, "options.Page must be 1 or greater (was 0).")]
    public async Task ListAsync_PageOrPageSizeOutOfRange_ThrowsWithTheRange(int? perPage, int? page, string message)
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Entries.ListAsync(1, new EntryListOptions { PerPage = perPage, Page = page }, Ct));

        Assert.Equal("options", ex.ParamName);
        Assert.StartsWith(message, ex.Message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100, 1)]
    public async Task ListAsync_PageSizeAtTheLimits_IsSent(int perPage, int page)
    {
        using var crm = new OfflineCrm("""{"data":[],"current_page":1,"last_page":1,"per_page":1,"total":0}""");

        var request = await crm.SendsAsync(c => c.Entries.ListAsync(1, new EntryListOptions { PerPage = perPage, Page = page }, Ct));

        Assert.Contains($"per_page={perPage}", request.RequestUri.Query);
    }

    [Theory]
    [InlineData(0L, null, "options.PipelineId must be greater than zero when set (was 0).")]
    [InlineData(null, 0L, "options.StageId must be greater than zero when set (was 0).")]
    public async Task ListAsync_FilterIdZero_ThrowsNamingIt(long? pipelineId, long? stageId, string message)
    {
        using var crm = new OfflineCrm(EntryJson);

        var ex = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Entries.ListAsync(1, new EntryListOptions { PipelineId = pipelineId, StageId = stageId }, Ct));

        Assert.StartsWith(message, ex.Message);
    }

    [Theory]
    [InlineData("ReferenceType")]
    [InlineData("ReferenceId")]
    [InlineData("Search")]
    public async Task ListAsync_ControlCharacterInTextFilter_ThrowsNamingIt(string property)
    {
        using var crm = new OfflineCrm(EntryJson);
        var options = property switch
        {
            "ReferenceType" => new EntryListOptions { ReferenceType = "a\nb" },
            "ReferenceId" => new EntryListOptions { ReferenceId = "a\u0000" },
            _ => new EntryListOptions { Search = "\tjane" },
        };

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entries.ListAsync(1, options, Ct));

        Assert.StartsWith($"options.{property} must not contain control characters.", ex.Message);
    }
}
