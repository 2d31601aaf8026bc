using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Fields;

public sealed class FieldsClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListAsync_SendsGetUnderEntity_ReadsFields()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entities/1/fields", json: CrmStub.Fixture("fields/list.json"));

        var fields = await stub.Client.Fields.ListAsync(1, Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/entities/1/fields");
        Assert.Equal(["Email", "Phone", "Source"], fields.Select(f => f.Name));
    }

    [Fact]
    public async Task GetAsync_SendsGet_ReadsField()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/fields/4", json: CrmStub.Fixture("fields/create.json"));

        var field = await stub.Client.Fields.GetAsync(4, Ct);

        stub.AssertSent("GET", "/api/brands/42/crm/fields/4");
        Assert.Equal("lead_source", field.Key);
    }

    [Fact]
    public async Task CreateAsync_DocumentedExample_SendsEveryPropertyAndReadsField()
    {
        using var stub = new CrmStub().Respond("POST", "/api/brands/42/crm/entities/1/fields", 201, CrmStub.Fixture("fields/create.json"));

        var field = await stub.Client.Fields.CreateAsync(
            1,
            new FieldCreateRequest
            {
                Name = "Lead Source",
                Key = "lead_source",
                Type = FieldType.Select,
                Options = ["Facebook", "Google", "Organic", "Referral"],
                Required = false,
                Position = 2,
            },
            Ct);

        stub.AssertSent("POST", "/api/brands/42/crm/entities/1/fields", """
            {"name":"Lead Source","key":"lead_source","type":"select","options":["Facebook","Google","Organic","Referral"],"required":false,"position":2}
            """);
        Assert.Equal(4, field.Id);
        Assert.Equal("Lead Source", field.Name);
        Assert.Equal(FieldType.Select, field.Type);
        Assert.Equal(["Facebook", "Google", "Organic", "Referral"], field.Options.Select(o => o.Label));
        Assert.False(field.Required);
        Assert.Equal(2, field.Position);
        Assert.Equal(1, field.CrmEntityId);
    }

    [Fact]
    public async Task UpdateAsync_SendsPut()
    {
        using var stub = new CrmStub().Respond("PUT", "/api/brands/42/crm/fields/4", json: CrmStub.Fixture("fields/create.json"));

        await stub.Client.Fields.UpdateAsync(4, new FieldUpdateRequest { Required = true }, Ct);

        stub.AssertSent("PUT", "/api/brands/42/crm/fields/4", """{"required":true}""");
    }

    [Fact]
    public async Task DeleteAsync_SendsDelete()
    {
        using var stub = new CrmStub().Respond("DELETE", "/api/brands/42/crm/fields/4", 204);

        await stub.Client.Fields.DeleteAsync(4, Ct);

        stub.AssertSent("DELETE", "/api/brands/42/crm/fields/4");
    }

    [Fact]
    public async Task CreateAsync_SelectWithoutOptions_ThrowsBeforeSending()
    {
        using var stub = new CrmStub();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Fields.CreateAsync(1, new FieldCreateRequest { Name = "S", Key = "s", Type = FieldType.Select }, Ct));

        Assert.Contains("Options", ex.Message);
        Assert.Empty(stub.Requests);
    }

    [Theory]
    [InlineData(null, "key", "text", "Name")]
    [InlineData("Name", null, "text", "Key")]
    [InlineData("Name", "Bad-Key", "text", "Key")]
    [InlineData("Name", "key", null, "Type")]
    public async Task CreateAsync_MissingRequired_ThrowsBeforeSending(string? name, string? key, string? type, string property)
    {
        using var stub = new CrmStub();
        var request = new FieldCreateRequest { Name = name, Key = key, Type = type is null ? (FieldType?)null : new FieldType(type) };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => stub.Client.Fields.CreateAsync(1, request, Ct));

        Assert.Contains(property, ex.Message);
        Assert.Empty(stub.Requests);
    }
}
