using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Samples.Tests;

/// <summary>An emulator and an SDK client over it, in memory or over loopback.</summary>
public sealed class EmulatorCrm : IAsyncDisposable
{
    private EmulatorCrm(CrmEmulator emulator, ElasticFunnelsCrmClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public CrmEmulator Emulator { get; }

    public ElasticFunnelsCrmClient Client { get; }

    public static EmulatorCrm InMemory()
    {
        var emulator = new CrmEmulator();
        return new EmulatorCrm(emulator, new ElasticFunnelsCrmClient(Options(emulator, emulator.BaseAddress), emulator.CreateHandler(), disposeHandler: true));
    }

    public static async Task<EmulatorCrm> LoopbackAsync()
    {
        var emulator = new CrmEmulator();
        var address = await emulator.StartServerAsync(TestContext.Current.CancellationToken);
        return new EmulatorCrm(emulator, new ElasticFunnelsCrmClient(Options(emulator, address)));
    }

    /// <summary>A second client on the same emulator: what a second run of a program would use.</summary>
    public ElasticFunnelsCrmClient NewClient() =>
        Emulator.ServerAddress is { } address
            ? new ElasticFunnelsCrmClient(Options(Emulator, address))
            : new ElasticFunnelsCrmClient(Options(Emulator, Emulator.BaseAddress), Emulator.CreateHandler(), disposeHandler: true);

    public static ElasticFunnelsCrmOptions Options(CrmEmulator emulator, Uri baseAddress) =>
        new() { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = baseAddress };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
