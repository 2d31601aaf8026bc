using ElasticFunnels.Crm;
using ElasticFunnels.Crm.Testing;

namespace ScriptSupport;

/// <summary>
/// The connection a script works with. With EF_ACCESS_KEY and EF_BRAND_ID (and optionally EF_BASE_URL)
/// set, the real API; otherwise the built-in emulator on a loopback port, with the Leads entity and the
/// script's sample data, so every script runs as it is with no settings.
/// </summary>
public sealed class ScriptCrm : IAsyncDisposable
{
    private readonly CrmEmulator? _emulator;
    private readonly ElasticFunnelsCrmClient _client;

    private ScriptCrm(ElasticFunnelsCrmClient client, CrmEmulator? emulator, ShiftedClock? clock)
    {
        _client = client;
        _emulator = emulator;
        Clock = clock;
    }

    public IElasticFunnelsCrmClient Crm => _client;

    public bool IsEmulator => _emulator is not null;

    /// <summary>The emulator's clock (null against a real brand): sample data can be dated in the past.</summary>
    public ShiftedClock? Clock { get; }

    /// <param name="sample">Fills the emulator with the script's sample data; not run against a real brand.</param>
    public static async Task<ScriptCrm> ConnectAsync(Func<ScriptCrm, Task>? sample = null, CancellationToken cancellationToken = default)
    {
        var key = Environment.GetEnvironmentVariable("EF_ACCESS_KEY");
        if (!string.IsNullOrWhiteSpace(key))
        {
            if (!long.TryParse(Environment.GetEnvironmentVariable("EF_BRAND_ID"), out var brand) || brand <= 0)
            {
                throw new ArgumentException("EF_ACCESS_KEY is set, so EF_BRAND_ID must be set too: the brand the key belongs to.");
            }

            var options = new ElasticFunnelsCrmOptions { AccessKey = key.Trim(), BrandId = brand };
            if (Environment.GetEnvironmentVariable("EF_BASE_URL") is { Length: > 0 } url)
            {
                options.BaseAddress = new Uri(url);
            }

            Console.Error.WriteLine($"Brand {brand} at {options.BaseAddress}.");
            return new ScriptCrm(new ElasticFunnelsCrmClient(options), null, null);
        }

        var clock = new ShiftedClock();
        var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = true, TimeProvider = clock });
        var address = await emulator.StartServerAsync(cancellationToken);
        var client = new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = address });
        var crm = new ScriptCrm(client, emulator, clock);
        Console.Error.WriteLine($"EF_ACCESS_KEY is not set: using the built-in emulator at {address} with sample data.");
        if (sample is not null)
        {
            await sample(crm);
        }

        return crm;
    }

    /// <summary>The entity with this slug (or id).</summary>
    public async Task<CrmEntity> EntityAsync(string slugOrId, CancellationToken cancellationToken = default)
    {
        var entities = await Crm.Entities.ListAsync(cancellationToken);
        var match = entities.FirstOrDefault(e => e.Slug == slugOrId || e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == slugOrId)
            ?? throw new ArgumentException($"No entity '{slugOrId}'; there are: {string.Join(", ", entities.Select(e => e.Slug))}.");
        return await Crm.Entities.GetAsync(match.Id, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
