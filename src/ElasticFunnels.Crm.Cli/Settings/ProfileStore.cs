using System.Globalization;
using System.Text.Json;
using ElasticFunnels.Crm.Cli.App;

namespace ElasticFunnels.Crm.Cli.Settings;

/// <summary>
/// The profiles file, <c>profiles.json</c> in the config directory. It holds access keys, so on Unix the
/// directory is created 0700 and the file is always written 0600 (owner only), replaced atomically.
/// </summary>
internal sealed class ProfileStore(string directory)
{
    public const string FileName = "profiles.json";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string FilePath { get; } = Path.Combine(directory, FileName);

    public IReadOnlyList<Profile> Load()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(FilePath));
            if (!document.RootElement.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return [.. profiles.EnumerateObject().Select(p => Read(p.Name, p.Value))];
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"The profiles file {FilePath} is not valid JSON ({ex.Message}); fix or delete it.", ex);
        }
    }

    public Profile? Find(string name) => Load().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public void Save(IEnumerable<Profile> profiles)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }

        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("profiles");
            foreach (var profile in profiles.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject(profile.Name);
                if (profile.BrandId is { } brand)
                {
                    json.WriteNumber("brand_id", brand);
                }

                if (profile.BaseAddress is { } address)
                {
                    json.WriteString("base_url", address.ToString());
                }

                if (profile.AccessKey is { } key)
                {
                    json.WriteString("access_key", key);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        // Written to a new owner-only file, then moved over the old one: the key is never readable by
        // others, not even for a moment, and a crash never leaves half a file.
        var temporary = FilePath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        File.Delete(temporary);
        using (var file = new FileStream(temporary, options))
        {
            file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            file.Write("\n"u8);
        }

        File.Move(temporary, FilePath, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FilePath, OwnerOnlyFile);
        }
    }

    /// <summary>A warning when others can read the file (it was created or changed by something else).</summary>
    public string? PermissionWarning()
    {
        if (OperatingSystem.IsWindows() || !File.Exists(FilePath))
        {
            return null;
        }

        var mode = File.GetUnixFileMode(FilePath);
        return (mode & ~OwnerOnlyFile & ~UnixFileMode.UserExecute) == 0
            ? null
            : $"{FilePath} can be read by other users (mode {Convert.ToString((int)mode, 8)}); it holds access keys: chmod 600 it.";
    }

    private static Profile Read(string name, JsonElement value)
    {
        long? brand = value.TryGetProperty("brand_id", out var b) && b.ValueKind == JsonValueKind.Number && b.TryGetInt64(out var n) ? n : null;
        if (brand is null && value.TryGetProperty("brand_id", out b) && b.ValueKind == JsonValueKind.String
            && long.TryParse(b.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n))
        {
            brand = n;
        }

        Uri? address = value.TryGetProperty("base_url", out var u) && u.ValueKind == JsonValueKind.String
            && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var uri) ? uri : null;
        string? key = value.TryGetProperty("access_key", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() is { Length: > 0 } text ? text : null;
        return new Profile(name, brand, address, key);
    }

    /// <summary>Profile names are used on command lines and as JSON keys: keep them simple.</summary>
    public static string CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new CliUsageException($"A profile name is 1 to 64 letters, digits, '-', '_' or '.' (was '{name}').");
        }

        return name;
    }
}
