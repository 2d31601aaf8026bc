using System.CommandLine;
using System.Text;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Output;
using ElasticFunnels.Crm.Cli.Settings;

namespace ElasticFunnels.Crm.Cli.Commands;

/// <summary><c>efcrm profile set|list|remove</c>: named connection settings in an owner-only file.</summary>
internal static class ProfileCommands
{
    public static Command Build(CommandKit kit)
    {
        var profile = kit.Command("profile", $"Saved connection settings (brand, address, key) in {ProfileStore.FileName} in the config directory, readable only by you.", "efcrm profile set default --brand-id 42 --key-stdin", "efcrm profile list");
        var name = new Argument<string>("name") { Description = $"Profile name; '{ConnectionSettings.DefaultProfile}' is used when nothing else is set." };

        var brand = new Option<long?>("--brand-id") { Description = "The brand id." };
        var baseUrl = new Option<string?>("--url") { Description = "The API base address (default: the production API)." };
        var keyStdin = new Option<bool>("--key-stdin") { Description = "Read the access key from standard input (e.g. from a password manager); on a terminal you are asked for it." };
        var set = kit.Command("set", "Create or change a profile. The key is read from standard input, never from the command line.",
            "efcrm profile set default --brand-id 42 --key-stdin < key.txt",
            "pass show ef/brand-42 | efcrm profile set brand42 --brand-id 42 --key-stdin",
            "efcrm profile set local --brand-id 42 --url http://127.0.0.1:5000/api/");
        set.Add(name);
        set.Add(brand);
        set.Add(baseUrl);
        set.Add(keyStdin);
        kit.Action(set, (c, _) =>
        {
            var store = new ProfileStore(c.Host.ConfigDirectory);
            var profileName = ProfileStore.CheckName(c.Get(name));
            var profiles = store.Load().ToList();
            var existing = profiles.FirstOrDefault(p => p.Name == profileName);
            Uri? address = null;
            if (c.Get(baseUrl) is { } url && !Uri.TryCreate(url, UriKind.Absolute, out address))
            {
                throw new CliUsageException($"--url must be an absolute URL (was '{url}').");
            }

            if (c.Get(brand) is <= 0)
            {
                throw new CliUsageException("--brand-id must be greater than zero.");
            }

            var key = c.Get(keyStdin) ? ReadKey(c) : existing?.AccessKey;
            var updated = new Profile(profileName, c.Get(brand) ?? existing?.BrandId, address ?? existing?.BaseAddress, key);
            profiles.RemoveAll(p => p.Name == profileName);
            profiles.Add(updated);
            store.Save(profiles);
            c.Output.Info($"Saved {updated} in {store.FilePath}.");
            return Task.FromResult(ExitCodes.Ok);
        });
        profile.Add(set);

        var list = kit.Command("list", "List the profiles (keys are never shown, only whether one is set).", "efcrm profile list");
        kit.Action(list, (c, _) =>
        {
            var store = new ProfileStore(c.Host.ConfigDirectory);
            if (store.PermissionWarning() is { } warning)
            {
                c.Output.Warn(warning);
            }

            return Task.FromResult(Print.List(c, store.Load(), (json, p) =>
            {
                json.WriteStartObject();
                json.WriteString("name", p.Name);
                if (p.BrandId is { } id)
                {
                    json.WriteNumber("brand_id", id);
                }
                else
                {
                    json.WriteNull("brand_id");
                }

                json.WriteString("base_url", p.BaseAddress?.ToString());
                json.WriteBoolean("has_key", p.AccessKey is not null);
                json.WriteEndObject();
            }, ["Name", "Brand", "Address", "Key"], p => [p.Name, Print.Text(p.BrandId), p.BaseAddress?.ToString() ?? "(default)", p.AccessKey is null ? "not set" : "set"]));
        });
        profile.Add(list);

        var remove = kit.Command("remove", "Delete a profile.", "efcrm profile remove old");
        remove.Add(name);
        kit.Action(remove, (c, _) =>
        {
            var store = new ProfileStore(c.Host.ConfigDirectory);
            var profiles = store.Load().ToList();
            if (profiles.RemoveAll(p => p.Name == c.Get(name)) == 0)
            {
                throw new CliUsageException($"There is no profile named '{c.Get(name)}'.");
            }

            store.Save(profiles);
            return Task.FromResult(Print.Deleted(c, "profile", c.Get(name)));
        });
        profile.Add(remove);
        return profile;
    }

    private static string ReadKey(CommandContext c)
    {
        string? key;
        if (c.Host.InIsTerminal)
        {
            c.Host.Error.Write("Access key (not shown): ");
            key = ReadHidden();
            c.Host.Error.WriteLine();
        }
        else
        {
            key = c.Host.In.ReadLine();
        }

        return string.IsNullOrWhiteSpace(key) ? throw new CliUsageException("No access key was given on standard input.") : key.Trim();
    }

    private static string ReadHidden()
    {
        var key = new StringBuilder();
        while (true)
        {
            var pressed = Console.ReadKey(intercept: true);
            if (pressed.Key == ConsoleKey.Enter)
            {
                return key.ToString();
            }

            if (pressed.Key == ConsoleKey.Backspace)
            {
                key.Length = Math.Max(0, key.Length - 1);
            }
            else if (!char.IsControl(pressed.KeyChar))
            {
                key.Append(pressed.KeyChar);
            }
        }
    }
}
