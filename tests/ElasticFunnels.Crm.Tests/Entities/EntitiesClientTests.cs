using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Entities;

public sealed class EntitiesClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_DocumentedExample_SendsGetAndReadsCounts()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities", json: CrmStub.Fixture("entities/list.json"));

        var entities = await stub.Client.Entities.ListAsync(Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/entities");
        var leads = Assert.Single(entities);
        Assert.Equal(1, leads.Id);
        Assert.Equal("Leads", leads.Name);
        Assert.Equal("leads", leads.Slug);
        Assert.Equal("Lead", leads.SingularName);
        Assert.Equal("Leads", leads.PluralName);
        Assert.Equal("user", leads.Icon);
        Assert.Equal("#3b82f6", leads.Color);
        Assert.Equal(42, leads.BrandId);
        Assert.Equal(1, leads.PipelinesCount);
        Assert.Equal(5, leads.FieldsCount);
        Assert.Equal(EntityMode.Crm, leads.Mode);
        Assert.Empty(leads.Pipelines);
    }

    [Fact]
    public async Task GetAsync_DocumentedExample_ReadsPipelinesStagesAndFields()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1", json: CrmStub.Fixture("entities/get.json"));

        var entity = await stub.Client.Entities.GetAsync(1, Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/entities/1");
        var pipeline = Assert.Single(entity.Pipelines);
        Assert.Equal("Sales Pipeline", pipeline.Name);
        Assert.Equal(["New Lead", "Contacted", "Qualified", "Closed Won"], pipeline.Stages.Select(s => s.Name));
        Assert.Equal([0, 1, 2, 3], pipeline.Stages.Select(s => s.Position ?? -1));
        Assert.Equal("#10b981", pipeline.Stages[2].Color);
        Assert.Equal(["email", "phone", "source"], entity.Fields.Select(f => f.Key));
        var source = entity.Fields[2];
        Assert.Equal(FieldType.Select, source.Type);
        Assert.Equal("Source", source.Name);
        Assert.Equal(["Facebook", "Google", "Organic"], source.Options.Select(o => o.Value));
    }

    [Fact]
    public async Task CreateAsync_DocumentedExample_SendsEveryPropertyAndReadsEntity()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities", 201, CrmStub.Fixture("entities/create.json"));

        var entity = await stub.Client.Entities.CreateAsync(
            new EntityCreateRequest
            {
                Name = "Leads",
                Slug = "leads",
                SingularName = "Lead",
                PluralName = "Leads",
                Icon = "user",
                Color = "#3b82f6",
                Preset = "leads",
            },
            Ct);

        stub.AssertSent("POST", "/api/brands/42/crm/entities", """
            {"name":"Leads","slug":"leads","singular_name":"Lead","plural_name":"Leads","icon":"user","color":"#3b82f6","preset":"leads"}
            """);
        Assert.Equal(1, entity.Id);
        Assert.Equal(42, entity.BrandId);
        Assert.Equal(new DateTimeOffset(2024, 12, 11, 10, 0, 0, TimeSpan.Zero), entity.CreatedAt);
    }

    [Fact]
    public async Task CreateAsync_DataMode_SendsEntityMode()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities", 201, """{"id":9,"name":"Log","slug":"log","entity_mode":"data"}""");

        var entity = await stub.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "Log", Slug = "log", Mode = EntityMode.Data }, Ct);

        stub.AssertSent("POST", "/api/brands/42/crm/entities", """{"name":"Log","slug":"log","entity_mode":"data"}""");
        Assert.Equal(EntityMode.Data, entity.Mode);
    }

    [Fact]
    public async Task UpdateAsync_OnlySetProperties_AreSent()
    {
        using var stub = new CrmStub().Respond("PUT", "/api/brands/42/crm/entities/7", json: CrmStub.Fixture("entities/create.json"));

        var entity = await stub.Client.Entities.UpdateAsync(7, new EntityUpdateRequest { Name = "Prospects", Color = "#000000" }, Ct);

        stub.AssertSent("PUT", "/api/brands/42/crm/entities/7", """{"name":"Prospects","color":"#000000"}""");
        Assert.Equal("Leads", entity.Name);
    }

    [Theory]
    [InlineData(204, null)]
    [InlineData(200, """{"success":true}""")]
    [InlineData(200, """{"message":"Entity deleted."}""")]
    public async Task DeleteAsync_NoContentOrBody_Succeeds(int status, string? body)
    {
        using var stub = new CrmStub().Respond("DELETE", "/api/brands/42/crm/entities/7", status, body);

        await stub.Client.Entities.DeleteAsync(7, Ct);

        stub.AssertSent("DELETE", "/api/brands/42/crm/entities/7");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public async Task GetAsync_IdNotPositive_ThrowsBeforeSending(long id)
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stub.Client.Entities.GetAsync(id, Ct));

        Assert.Equal("entityId", ex.ParamName);
        Assert.Contains("greater than zero", ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData(null, "leads", "Name")]
    [InlineData("  ", "leads", "Name")]
    [InlineData("Leads", null, "Slug")]
    [InlineData("Leads", "", "Slug")]
    [InlineData("Leads", "Has Spaces", "Slug")]
    [InlineData("Leads", "UPPER", "Slug")]
    [InlineData("Leads", "a/b", "Slug")]
    public async Task CreateAsync_MissingOrMalformedRequiredField_ThrowsBeforeSending(string? name, string? slug, string property)
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Entities.CreateAsync(new EntityCreateRequest { Name = name, Slug = slug }, Ct));

        Assert.Contains(property, ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task CreateAsync_IconLongerThan64_ThrowsBeforeSending()
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "L", Slug = "l", Icon = new string('x', 65) }, Ct));

        Assert.Contains("Icon", ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task CreateAsync_NullRequest_ThrowsArgumentNull()
    {
        using var stub = new CrmStub();

        await Assert.ThrowsAsync<ArgumentNullException>(() => stub.Client.Entities.CreateAsync(null!, Ct));

        Assert.Empty(stub.Requests);
    }
}
