using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ElasticFunnels.Crm.Cli.App;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ElasticFunnels.Crm.Cli.Output;

/// <summary>
/// Where a command's results go: tables (or trees) for people, JSON for scripts, and messages on standard
/// error. Colour only on a terminal without NO_COLOR; wide, uncoloured tables when redirected.
/// </summary>
internal sealed class CliOutput(CliHost host, bool json)
{
    public static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // A data stream, not HTML: keep non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private IAnsiConsole? _console;

    public bool Json => json;

    public CliHost Host => host;

    public TextWriter Out => host.Out;

    public void Error(string message) => host.Error.WriteLine($"error: {message}");

    public void Warn(string message) => host.Error.WriteLine($"warning: {message}");

    /// <summary>A line for people on standard error (status, summaries), so standard output stays data.</summary>
    public void Info(string message) => host.Error.WriteLine(message);

    /// <summary>A line of results on standard output.</summary>
    public void Line(string text) => host.Out.WriteLine(text);

    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(writer);
        }

        host.Out.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, string? caption = null)
    {
        var table = new Table().Border(host.OutIsTerminal ? TableBorder.Rounded : TableBorder.Simple);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(cell => (IRenderable)new Text(cell ?? string.Empty))]);
        }

        if (caption is not null)
        {
            table.Caption(new TableTitle(caption));
        }

        Console.Write(table);
    }

    /// <summary>Two columns, name and value, for one object.</summary>
    public void Details(IEnumerable<(string Name, string? Value)> rows) =>
        Table(["Property", "Value"], rows.Select(r => (IReadOnlyList<string?>)[r.Name, r.Value]));

    public void Write(IRenderable renderable) => Console.Write(renderable);

    public IAnsiConsole Console => _console ??= CreateConsole(host.Out, host.ColorOut, host.OutIsTerminal, host.Width);

    /// <summary>A console on standard error for progress bars; only used when <see cref="CliHost.Animate"/>.</summary>
    public IAnsiConsole CreateErrorConsole() => CreateConsole(host.Error, color: !host.NoColor, terminal: host.ErrorIsTerminal, host.Width, interactive: true);

    private static IAnsiConsole CreateConsole(TextWriter writer, bool color, bool terminal, int width, bool interactive = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });

        // Redirected output has no width; wrapping table cells at 80 columns would break them for grep.
        console.Profile.Width = terminal && width > 0 ? width : 4096;
        return console;
    }
}
