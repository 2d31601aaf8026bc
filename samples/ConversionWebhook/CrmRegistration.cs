using ElasticFunnels.Crm;
using ElasticFunnels.Crm.Testing;

namespace ConversionWebhook;

/// <summary>Registers the CRM client: the configured server, or an in-process emulator when no key is configured.</summary>
public static class CrmRegistration
{
    public static bool AddCrm(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ElasticFunnelsCrmOptions.DefaultSectionName);
        if (!string.IsNullOrWhiteSpace(section["AccessKey"]))
        {
            builder.Services.AddElasticFunnelsCrm(section);
            return false;
        }

        builder.Services.AddSingleton(_ => new CrmEmulator());
        builder.Services.AddSingleton<IElasticFunnelsCrmClient>(sp =>
        {
            var emulator = sp.GetRequiredService<CrmEmulator>();
            var options = new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = emulator.BaseAddress };
            return new ElasticFunnelsCrmClient(options, emulator.CreateHandler(), disposeHandler: true);
        });
        return true;
    }
}
