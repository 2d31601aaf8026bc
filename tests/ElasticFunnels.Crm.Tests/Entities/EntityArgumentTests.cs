using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Entities;

/// <summary>The documented rules for entity arguments, at their edges: what is sent and what fails before sending, with which message.</summary>
public sealed class EntityArgumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("a")]
    [InlineData("z")]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("-")]
    [InlineData("_")]
    [InlineData("deals_2024-q1")]
    public async Task CreateAsync_SlugOfAllowedCharacters_IsSent(string slug)
    {
        using var crm = new OfflineCrm();

        var request = await crm.SendsAsync(c => c.Entities.CreateAsync(new EntityCreateRequest { Name = "Deals", Slug = slug }, Ct));

        Assert.Contains($"\"slug\":\"{slug}\"", request.Body);
    }

    [Theory]
    [InlineData("`")] // just below 'a'
    [InlineData("{")] // just above 'z'
    [InlineData("/")] // just below '0'
    [InlineData(":")] // just above '9'
    [InlineData("A")]
    [InlineData("deals.q1")]
    [InlineData("é")]
    public async Task CreateAsync_SlugWithOtherCharacter_ThrowsNamingTheRule(string slug)
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entities.CreateAsync(new EntityCreateRequest { Name = "Deals", Slug = slug }, Ct));

        Assert.Equal("request", ex.ParamName);
        Assert.StartsWith($"request.Slug '{slug}' may contain only lowercase letters, digits, hyphens and underscores.", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("UPPER")]
    [InlineData(":")]
    public async Task UpdateAsync_SlugSetToSomethingInvalid_ThrowsBeforeSending(string slug)
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entities.UpdateAsync(1, new EntityUpdateRequest { Slug = slug }, Ct));

        Assert.StartsWith($"request.Slug '{slug}' may contain only", ex.Message);
    }

    [Fact]
    public async Task UpdateAsync_SlugAtTheEdgesOfTheRanges_IsSent()
    {
        using var crm = new OfflineCrm();

        await crm.SendsAsync(c => c.Entities.UpdateAsync(1, new EntityUpdateRequest { Slug = "az09-_" }, Ct));
    }

    [Theory]
    [InlineData(nameof(EntityCreateRequest.Icon))]
    [InlineData(nameof(EntityCreateRequest.Color))]
    public async Task CreateAsync_IconOrColorOfExactly64Characters_IsSent(string property)
    {
        using var crm = new OfflineCrm();
        var request = Create(property, new string('x', 64));

        await crm.SendsAsync(c => c.Entities.CreateAsync(request, Ct));
    }

    [Theory]
    [InlineData(nameof(EntityCreateRequest.Icon))]
    [InlineData(nameof(EntityCreateRequest.Color))]
    public async Task CreateAsync_IconOrColorOf65Characters_ThrowsWithLengthAndLimit(string property)
    {
        using var crm = new OfflineCrm();
        var request = Create(property, new string('x', 65));

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entities.CreateAsync(request, Ct));

        Assert.Equal("request", ex.ParamName);
        Assert.StartsWith($"request.{property} is 65 characters long; at most 64 are allowed.", ex.Message);
    }

    [Theory]
    [InlineData(nameof(EntityUpdateRequest.Icon))]
    [InlineData(nameof(EntityUpdateRequest.Color))]
    public async Task UpdateAsync_IconOrColorOver64Characters_ThrowsBeforeSending(string property)
    {
        using var crm = new OfflineCrm();
        var request = property == "Icon" ? new EntityUpdateRequest { Icon = new string('x', 65) } : new EntityUpdateRequest { Color = new string('x', 65) };

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entities.UpdateAsync(1, request, Ct));

        Assert.StartsWith($"request.{property} is 65 characters long", ex.Message);
    }

    [Theory]
    [InlineData(null, "leads", "request.Name is required and must not be empty or whitespace.")]
    [InlineData(" ", "leads", "request.Name is required and must not be empty or whitespace.")]
    [InlineData("Leads", " ", "request.Slug is required and must not be empty or whitespace.")]
    public async Task CreateAsync_MissingNameOrSlug_MessageNamesTheProperty(string? name, string? slug, string message)
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entities.CreateAsync(new EntityCreateRequest { Name = name, Slug = slug }, Ct));

        Assert.Equal("request", ex.ParamName);
        Assert.StartsWith(message, ex.Message);
    }

    [Fact]
    public async Task UpdateAsync_BlankName_ThrowsSayingToLeaveItNull()
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentException>(c => c.Entities.UpdateAsync(1, new EntityUpdateRequest { Name = " " }, Ct));

        Assert.StartsWith("request.Name must not be empty or whitespace when set; leave it null to keep the current value.", ex.Message);
    }

    [Fact]
    public async Task UpdateAsync_NothingSet_SendsAnEmptyUpdate()
    {
        using var crm = new OfflineCrm();

        var request = await crm.SendsAsync(c => c.Entities.UpdateAsync(1, new EntityUpdateRequest(), Ct));

        Assert.Equal(HttpMethod.Put, request.Method);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public async Task GetAsync_EntityIdZeroOrLess_ThrowsWithTheValue(long entityId)
    {
        using var crm = new OfflineCrm();

        var ex = await crm.RejectsAsync<ArgumentOutOfRangeException>(c => c.Entities.GetAsync(entityId, Ct));

        Assert.Equal("entityId", ex.ParamName);
        Assert.Equal(entityId, ex.ActualValue);
        Assert.StartsWith($"entityId must be greater than zero (was {entityId}).", ex.Message);
    }

    [Fact]
    public async Task GetAsync_EntityIdOne_IsSent()
    {
        using var crm = new OfflineCrm();

        var request = await crm.SendsAsync(c => c.Entities.GetAsync(1, Ct));

        Assert.Equal("/api/brands/42/crm/entities/1", request.RequestUri.AbsolutePath);
    }

    private static EntityCreateRequest Create(string property, string value) => property == "Icon"
        ? new EntityCreateRequest { Name = "Deals", Slug = "deals", Icon = value }
        : new EntityCreateRequest { Name = "Deals", Slug = "deals", Color = value };
}
