using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Stages;

/// <summary>The documented rules for stage arguments, at their edges.</summary>
public sealed class StageArgumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_PositionZero_IsSent()
    {
        using var crm = new OfflineCrm();

        var request = await crm.SendsAsync(c => c.Stages.CreateAsync(3, new StageCreateRequest { Name = "New", Position = 0 }, Ct));

        Assert.Contains("\"position\":0", request.Body);
    }

    [Fact]
    public async Task CreateAsync_PositionMinusOne_ThrowsWithTheValue()
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Stages.CreateAsync(3, new StageCreateRequest { Name = "New", Position = -1 }, Ct));

        Assert.Equal("request", ex.ParamName);
        Assert.Equal(-1, ex.ActualValue);
        Assert.StartsWith("request.Position is 0-based and cannot be negative (was -1).", ex.Message);
    }

    [Fact]
    public async Task UpdateAsync_NegativePosition_ThrowsBeforeSending()
    {
        using var crm = new OfflineCrm();

        await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Stages.UpdateAsync(7, new StageUpdateRequest { Position = -1 }, Ct));
    }

    [Fact]
    public async Task UpdateAsync_BlankName_ThrowsBeforeSending()
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Stages.UpdateAsync(7, new StageUpdateRequest { Name = "" }, Ct));

        Assert.StartsWith("request.Name must not be empty or whitespace when set", ex.Message);
    }

    [Fact]
    public async Task ReorderAsync_IdOneAndPositionZero_IsSent()
    {
        using var crm = new OfflineCrm("{}");

        var request = await crm.SendsAsync(c => c.Stages.ReorderAsync([new StagePosition(1, 0)], Ct));

        Assert.Equal("""{"stages":[{"id":1,"position":0}]}""", request.Body);
    }

    [Fact]
    public async Task ReorderAsync_Empty_ThrowsAskingForOne()
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Stages.ReorderAsync([], Ct));

        Assert.Equal("stages", ex.ParamName);
        Assert.StartsWith("stages must contain at least one stage position.", ex.Message);
    }

    [Fact]
    public async Task ReorderAsync_NullItem_Throws()
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Stages.ReorderAsync([new StagePosition(1, 0), null!], Ct));

        Assert.StartsWith("stages must not contain null.", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ReorderAsync_StageIdZeroOrLess_ThrowsWithTheId(long id)
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Stages.ReorderAsync([new StagePosition(id, 0)], Ct));

        Assert.Equal("stages", ex.ParamName);
        Assert.Equal(id, ex.ActualValue);
        Assert.StartsWith($"Every stage id must be greater than zero (was {id}).", ex.Message);
    }

    [Fact]
    public async Task ReorderAsync_NegativePosition_ThrowsNamingTheStage()
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Stages.ReorderAsync([new StagePosition(4, -1)], Ct));

        Assert.Equal(-1, ex.ActualValue);
        Assert.StartsWith("Stage 4 has position -1; positions are 0-based and cannot be negative.", ex.Message);
    }

    [Fact]
    public async Task ReorderAsync_SameIdTwice_ThrowsNamingIt()
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Stages.ReorderAsync([new StagePosition(4, 0), new StagePosition(4, 1)], Ct));

        Assert.StartsWith("Stage 4 appears more than once.", ex.Message);
    }
}
