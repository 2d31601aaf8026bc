using System.Text;

namespace ElasticFunnels.Crm.Cli.App;

/// <summary>
/// What the tool reads from and writes to: the process's console and environment, or a test's
/// writers and variables. Commands never touch <see cref="Console"/> or <see cref="Environment"/> directly.
/// </summary>
internal sealed class CliHost
{
    private readonly Func<string, string?> _variables;
    private readonly Lazy<TextReader> _input;

    public CliHost(TextWriter output, TextWriter error, TextReader input, Func<string, string?> variables, string configDirectory)
        : this(output, error, () => input, variables, configDirectory)
    {
    }

    private CliHost(TextWriter output, TextWriter error, Func<TextReader> input, Func<string, string?> variables, string configDirectory)
    {
        Out = output;
        Error = error;
        _input = new Lazy<TextReader>(input);
        _variables = variables;
        ConfigDirectory = configDirectory;
    }

    /// <summary>Results: tables, JSON, exported data.</summary>
    public TextWriter Out { get; }

    /// <summary>Everything else: progress, warnings, errors, summaries when the data goes to <see cref="Out"/>.</summary>
    public TextWriter Error { get; }

    /// <summary>Standard input, opened on first use (opening the console's input on a terminal switches its keypad mode).</summary>
    public TextReader In => _input.Value;

    /// <summary>Where <c>profiles.json</c> lives.</summary>
    public string ConfigDirectory { get; }

    public bool OutIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    public bool InIsTerminal { get; init; }

    /// <summary>Terminal width for tables; 0 when not a terminal.</summary>
    public int Width { get; init; }

    /// <summary>NO_COLOR (any non-empty value, see no-color.org) or TERM=dumb.</summary>
    public bool NoColor => Variable("NO_COLOR") is { Length: > 0 } || Variable("TERM") == "dumb";

    /// <summary>Colour on standard output: only on a terminal, and never with NO_COLOR.</summary>
    public bool ColorOut => OutIsTerminal && !NoColor;

    /// <summary>Progress bars and spinners on standard error: only on a terminal, and never with NO_COLOR.</summary>
    public bool Animate => ErrorIsTerminal && !NoColor;

    public string? Variable(string name) => _variables(name);

    public static CliHost FromProcess()
    {
        // A buffered writer: an export of 100,000 rows to a pipe should not be one system call per write.
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);
        var outIsTerminal = !Console.IsOutputRedirected;
        var errorIsTerminal = !Console.IsErrorRedirected;
        return new CliHost(output, Console.Error, () => Console.In, Environment.GetEnvironmentVariable, DefaultConfigDirectory())
        {
            OutIsTerminal = outIsTerminal,
            ErrorIsTerminal = errorIsTerminal,
            InIsTerminal = !Console.IsInputRedirected,
            Width = outIsTerminal || errorIsTerminal ? SafeWindowWidth() : 0,
        };
    }

    /// <summary>EFCRM_CONFIG_DIR, else %APPDATA%\efcrm on Windows, else $XDG_CONFIG_HOME/efcrm or ~/.config/efcrm.</summary>
    public static string DefaultConfigDirectory(Func<string, string?>? variables = null)
    {
        variables ??= Environment.GetEnvironmentVariable;
        if (variables("EFCRM_CONFIG_DIR") is { Length: > 0 } explicitDirectory)
        {
            return explicitDirectory;
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "efcrm");
        }

        var xdg = variables("XDG_CONFIG_HOME");
        var home = variables("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(xdg is { Length: > 0 } ? xdg : Path.Combine(home, ".config"), "efcrm");
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
