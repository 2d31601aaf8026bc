using System.CommandLine;
using System.Globalization;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary>
/// <c>efcrm emulator</c>: the SDK's built-in emulator on a loopback port until Ctrl-C, for trying the
/// tool (and any program) without a real brand. Its key is a fixed test key, not a secret, so it is printed.
/// </summary>
internal static class EmulatorCommand
{
    public static Command Build(CommandKit kit)
    {
        var seed = new Option<bool>("--seed") { Description = "Start with a Leads entity (entity 1, pipeline 1 with stages 1-5, fields 1-5), as in the vendor's examples." };
        var emulator = kit.Command("emulator", "Run a local, in-memory CRM emulator on 127.0.0.1 and print the settings to use it; Ctrl-C stops it (its data is gone).",
            "efcrm emulator --seed",
            "eval \"$(efcrm emulator --seed | head -3)\"   # in one shell; use the other commands in it");
        emulator.Add(seed);
        kit.Action(emulator, async (c, ct) =>
        {
            await using var server = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = c.Get(seed) });
            var address = await server.StartServerAsync(ct);
            var brand = server.BrandId.ToString(CultureInfo.InvariantCulture);
            if (c.Output.Json)
            {
                c.Output.WriteJson(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("base_url", address.ToString());
                    json.WriteNumber("brand_id", server.BrandId);
                    json.WriteString("access_key", server.AccessKey);
                    json.WriteEndObject();
                });
            }
            else
            {
                c.Output.Line($"export EF_BASE_URL={address}");
                c.Output.Line($"export EF_BRAND_ID={brand}");
                c.Output.Line($"export EF_ACCESS_KEY={server.AccessKey}");
            }

            await c.Output.Out.FlushAsync(CancellationToken.None);
            c.Output.Info($"The emulator is running at {address} (brand {brand}, test key {server.AccessKey}). Press Ctrl-C to stop it.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }

            c.Output.Info("Emulator stopped.");
            return ExitCodes.Ok;
        });
        return emulator;
    }
}
