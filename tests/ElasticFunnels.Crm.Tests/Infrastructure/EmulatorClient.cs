using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Tests.Infrastructure;

/// <summary>An SDK client over the emulator's in-memory handler, with a Leads entity made from the preset.</summary>
public sealed class EmulatorClient : IAsyncDisposable
{
    private EmulatorClient(CrmEmulator emulator, ElasticFunnelsCrmClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public CrmEmulator Emulator { get; }

    public ElasticFunnelsCrmClient Client { get; }

    public CrmEntity Leads { get; private set; } = null!;

    public Pipeline Pipeline => Leads.Pipelines[0];

    public static async Task<EmulatorClient> CreateAsync(Action<ElasticFunnelsCrmOptions>? configure = null, bool withLeads = true)
    {
        var emulator = new CrmEmulator();
        var options = new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress };
        configure?.Invoke(options);
        var result = new EmulatorClient(emulator, new ElasticFunnelsCrmClient(options, emulator.CreateHandler(), disposeHandler: true));
        if (withLeads)
        {
            var created = await result.Client.Entities.CreateAsync(new EntityCreateRequest { Name = "Leads", Slug = "leads", Preset = "leads" });
            result.Leads = await result.Client.Entities.GetAsync(created.Id);
        }

        return result;
    }

    public EntryCreateRequest Lead(string referenceId, string? title = null) => new()
    {
        Title = title ?? $"Lead {referenceId}",
        PipelineId = Pipeline.Id,
        StageId = Pipeline.Stages[0].Id,
        ReferenceType = "conversion",
        ReferenceId = referenceId,
        Values = new Dictionary<string, FieldValue> { ["email"] = $"{referenceId}@example.com" },
    };

    public int Count(string method, string pathSuffix) =>
        Emulator.Requests.Count(r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
