using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Fields;

/// <summary>The documented rules for field arguments, at their edges.</summary>
public sealed class FieldArgumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FieldCreateRequest Text(string key) => new() { Name = "Field", Key = key, Type = FieldType.Text };

    [Theory]
    [InlineData("a")]
    [InlineData("z")]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("_")]
    [InlineData("deal_value_2")]
    public async Task CreateAsync_KeyOfAllowedCharacters_IsSent(string key)
    {
        using var crm = new OfflineCrm();

        var request = await crm.SendsAsync(c => c.Fields.CreateAsync(1, Text(key), Ct));

        Assert.Contains($"\"key\":\"{key}\"", request.Body);
    }

    [Theory]
    [InlineData("-")] // allowed in slugs, not in keys
    [InlineData("`")]
    [InlineData("{")]
    [InlineData("/")]
    [InlineData(":")]
    [InlineData("Key")]
    public async Task CreateAsync_KeyWithOtherCharacter_ThrowsNamingTheRule(string key)
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Fields.CreateAsync(1, Text(key), Ct));

        Assert.Equal("request", ex.ParamName);
        Assert.StartsWith($"request.Key '{key}' may contain only lowercase letters, digits and underscores.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(":")]
    public async Task UpdateAsync_KeySetToSomethingInvalid_ThrowsBeforeSending(string key)
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Fields.UpdateAsync(5, new FieldUpdateRequest { Key = key }, Ct));

        Assert.StartsWith($"request.Key '{key}' may contain only", ex.Message);
    }

    [Fact]
    public async Task UpdateAsync_KeyAtTheEdgesOfTheRanges_IsSent()
    {
        using var crm = new OfflineCrm();

        await crm.SendsAsync(c => c.Fields.UpdateAsync(5, new FieldUpdateRequest { Key = "az09_" }, Ct));
    }

    [Fact]
    public async Task CreateAsync_NoType_ThrowsWithAnExample()
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Fields.CreateAsync(1, new FieldCreateRequest { Name = "F", Key = "f" }, Ct));

        Assert.StartsWith("request.Type is required (e.g. FieldType.Text).", ex.Message);
    }

    [Theory]
    [InlineData("select")]
    [InlineData("multiselect")]
    public async Task CreateAsync_SelectTypeWithEmptyOptions_ThrowsAskingForTheValues(string type)
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Fields.CreateAsync(1, new FieldCreateRequest { Name = "F", Key = "f", Type = new FieldType(type), Options = [] }, Ct));

        Assert.Equal("request", ex.ParamName);
        Assert.StartsWith($"request.Options is required for a {type} field: list the values it allows.", ex.Message);
    }

    [Fact]
    public async Task CreateAsync_SelectWithOneOption_IsSent()
    {
        using var crm = new OfflineCrm();

        await crm.SendsAsync(c => c.Fields.CreateAsync(1, new FieldCreateRequest { Name = "F", Key = "f", Type = FieldType.Select, Options = ["a"] }, Ct));
    }

    [Fact]
    public async Task CreateAsync_TextWithoutOptions_IsSent()
    {
        using var crm = new OfflineCrm();

        await crm.SendsAsync(c => c.Fields.CreateAsync(1, new FieldCreateRequest { Name = "F", Key = "f", Type = FieldType.Text }, Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task CreateAsync_BlankOption_Throws(string option)
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Fields.CreateAsync(1, new FieldCreateRequest { Name = "F", Key = "f", Type = FieldType.Select, Options = ["a", option] }, Ct));

        Assert.StartsWith("request.Options must not contain null, empty or whitespace values.", ex.Message);
    }

    [Fact]
    public async Task UpdateAsync_SelectTypeWithoutOptions_IsSentBecauseTheFieldKeepsItsOptions()
    {
        using var crm = new OfflineCrm();

        await crm.SendsAsync(c => c.Fields.UpdateAsync(5, new FieldUpdateRequest { Type = FieldType.MultiSelect }, Ct));
    }

    [Fact]
    public async Task UpdateAsync_TypeWithBlankOption_Throws()
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Fields.UpdateAsync(5, new FieldUpdateRequest { Type = FieldType.Select, Options = [" "] }, Ct));

        Assert.StartsWith("request.Options must not contain", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task DeleteAsync_FieldIdZeroOrLess_ThrowsBeforeSending(long fieldId)
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Fields.DeleteAsync(fieldId, Ct));

        Assert.Equal("fieldId", ex.ParamName);
    }
}
