using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Tests.EndToEnd;

/// <summary>The SDK reads the emulator's PHP-style <c>"values_flat": []</c> as no values.</summary>
public sealed class EmulatorPhpShapeTests
{
    [Fact]
    public async Task Entry_EmptyValuesFlatAsPhpArray_ReadsAsEmptyValues()
    {
        await using var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true, EmptyValuesFlatAsArray = true });
        using var crm = new ElasticFunnelsCrmClient(
            new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress },
            emulator.CreateHandler(),
            disposeHandler: true);
        var ct = TestContext.Current.CancellationToken;

        var created = await crm.Entries.CreateAsync(1, new EntryCreateRequest { Title = "Jane", PipelineId = 1, StageId = 1 }, ct);
        var listed = await crm.Entries.ListAsync(1, cancellationToken: ct);

        Assert.Empty(created.Values);
        Assert.Empty(listed.Values[0].Values);
        Assert.Equal(EntryValueSource.Array, listed.Values[0].Values.Source);
    }
}
