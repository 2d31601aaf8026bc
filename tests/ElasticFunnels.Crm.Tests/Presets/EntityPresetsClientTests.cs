using ElasticFunnels.Crm.Tests.Infrastructure;

namespace ElasticFunnels.Crm.Tests.Presets;

public sealed class EntityPresetsClientTests
{
    [Fact]
    public async Task ListAsync_DocumentedExample_SendsGetAndReadsPresets()
    {
        using var stub = new CrmStub().Respond("GET", "/api/brands/42/crm/entity-presets", json: CrmStub.Fixture("presets/list.json"));

        var presets = await stub.Client.Presets.ListAsync(TestContext.Current.CancellationToken);

        stub.AssertSent("GET", "/api/brands/42/crm/entity-presets");
        Assert.Equal(["leads", "contacts", "deals"], presets.Select(p => p.Key));
        Assert.Equal("Leads", presets[0].Label);
        Assert.Equal("Deal tracking with revenue stages", presets[2].Description);
    }
}
