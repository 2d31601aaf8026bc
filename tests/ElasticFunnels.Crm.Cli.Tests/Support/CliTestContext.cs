using System.Text;
using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Cli.Tests.Support;

/// <summary>
/// One test's world: an emulator on loopback, a client of it for setting up and checking, a temporary
/// folder with its own config directory, and the environment efcrm runs with (EF_ACCESS_KEY, EF_BRAND_ID,
/// EF_BASE_URL pointing at the emulator).
/// </summary>
public sealed class CliTestContext : IAsyncDisposable
{
    private CliTestContext(CrmEmulator emulator, Uri address, string directory)
    {
        Emulator = emulator;
        Address = address;
        Directory = directory;
        ConfigDirectory = Path.Combine(directory, "config");
        Client = new ElasticFunnelsCrmClient(new ElasticFunnelsCrmOptions { AccessKey = emulator.AccessKey, BrandId = emulator.BrandId, BaseAddress = address });
        Environment = new Dictionary<string, string?>
        {
            ["EF_ACCESS_KEY"] = emulator.AccessKey,
            ["EF_BRAND_ID"] = "42",
            ["EF_BASE_URL"] = address.ToString(),
            ["EFCRM_CONFIG_DIR"] = ConfigDirectory,
        };
    }

    public CrmEmulator Emulator { get; }

    public Uri Address { get; }

    public ElasticFunnelsCrmClient Client { get; }

    /// <summary>A fresh folder for this test's files; deleted afterwards.</summary>
    public string Directory { get; }

    public string ConfigDirectory { get; }

    /// <summary>The variables efcrm sees; change them per test.</summary>
    public Dictionary<string, string?> Environment { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="seed">Start with the vendor's Leads entity (entity 1, pipeline 1, stages 1-5, fields 1-5).</param>
    /// <param name="accessKey">The key the emulator accepts (and efcrm is given).</param>
    public static async Task<CliTestContext> StartAsync(bool seed = true, string? accessKey = null)
    {
        var emulator = new CrmEmulator(new CrmEmulatorOptions { SeedLeadsEntity = seed, AccessKey = accessKey ?? "ef_test_key" });
        var address = await emulator.StartServerAsync(Ct);
        return new CliTestContext(emulator, address, System.IO.Directory.CreateTempSubdirectory("efcrm-test-").FullName);
    }

    /// <summary>Runs efcrm in this process, as <c>efcrm args...</c>, with standard input <paramref name="input"/>.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public Task<CliResult> RunWithInputAsync(string input, params string[] args) => RunAsync(input, Ct, args);

    /// <summary>Runs efcrm in this process until it ends or <paramref name="cancellationToken"/> (its Ctrl-C) is cancelled.</summary>
    public async Task<CliResult> RunAsync(string input, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var variables = new Dictionary<string, string?>(Environment);
        var host = new CliHost(output, error, new StringReader(input), name => variables.GetValueOrDefault(name), CliHost.DefaultConfigDirectory(name => variables.GetValueOrDefault(name)));
        var code = await CliApp.RunAsync(args, host, cancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs efcrm in its own process and waits for it.</summary>
    public async Task<CliResult> RunProcessAsync(params string[] args)
    {
        using var process = StartProcess(args);
        return await process.WaitAsync(Ct);
    }

    public CliProcess StartProcess(params string[] args) => CliProcess.Start(Environment, Directory, args);

    /// <summary>Writes a file in the test's folder (UTF-8, optionally with a byte order mark) and returns its full path.</summary>
    public string WriteFile(string name, string content, bool byteOrderMark = false)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(byteOrderMark));
        return path;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
