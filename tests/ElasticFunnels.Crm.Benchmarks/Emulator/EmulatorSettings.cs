using System.Globalization;
using System.Text.RegularExpressions;
using ElasticFunnels.Crm.Testing;

namespace ElasticFunnels.Crm.Benchmarks;

/// <summary>
/// The arguments of the <c>emulator</c> command. Parsed from, and written back to, a command line here
/// only, so <see cref="EmulatorCommand"/> and <see cref="EmulatorProcess"/> cannot disagree on the format.
/// </summary>
/// <remarks>A class, not a record: a record's generated ToString would walk the members, and <see cref="Keys"/> are secrets.</remarks>
public sealed partial class EmulatorSettings
{
    public const string Usage = """
        usage: emulator [--port N] [--brand N] [--keys k1,k2,...] [--seed]
                        [--rate-limit N [--window 1s] [--retry-after seconds|date|none]]
                        [--latency 0ms] [--ignore-stdin]

        Starts the CRM emulator on 127.0.0.1 and prints one JSON line to stdout:
          {"event":"listening","baseAddress":"http://127.0.0.1:PORT/api/",...}
        Serves until stdin closes (unless --ignore-stdin), SIGTERM or Ctrl-C, then prints
          {"event":"stopped","accepted":N,"rejected":N,"perKey":[{"accepted":N,"rejected":N},...],...}
        with one perKey entry per key, in --keys order. Keys are never printed.

          --port N          port on 127.0.0.1; 0 (default) picks a free one
          --brand N         brand id (default 42)
          --keys k1,k2      accepted access keys, each with its own rate-limit budget (default ef_test_key)
          --seed            start with the "Leads" entity (entity 1, pipeline 1, stages 1-5)
          --rate-limit N    requests per window per key (default: no limit)
          --window D        fixed window length, e.g. 1s, 500ms, 1m (default 1s)
          --retry-after F   Retry-After on a 429: seconds (default), date or none
          --latency D       delay before every response, e.g. 20ms (default 0ms)
          --ignore-stdin    do not stop when stdin closes (for `... &` in a script, where stdin is /dev/null)
        """;

    private static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(1);

    public int Port { get; set; }

    public long BrandId { get; set; } = 42;

    /// <summary>The first is <see cref="CrmEmulatorOptions.AccessKey"/>, the others <see cref="CrmEmulatorOptions.AdditionalAccessKeys"/>.</summary>
    public IReadOnlyList<string> Keys { get; set; } = ["ef_test_key"];

    public bool Seed { get; set; }

    /// <summary>Requests per window per key; null for no limit.</summary>
    public int? RateLimit { get; set; }

    public TimeSpan Window { get; set; } = DefaultWindow;

    public CrmEmulatorRetryAfter RetryAfter { get; set; } = CrmEmulatorRetryAfter.Seconds;

    public TimeSpan Latency { get; set; }

    public bool IgnoreStdin { get; set; }

    public bool Help { get; set; }

    /// <summary>Parses the arguments after <c>emulator</c>.</summary>
    /// <exception cref="FormatException">An argument is unknown, lacks its value or has a wrong one; the message says which.</exception>
    public static EmulatorSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new EmulatorSettings();
        var limitDetails = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value.");
            switch (name)
            {
                case "--port": settings.Port = (int)Integer(name, Value(), 0, 65535); break;
                case "--brand": settings.BrandId = Integer(name, Value(), 1, long.MaxValue); break;
                case "--keys": settings.Keys = KeyList(Value()); break;
                case "--seed": settings.Seed = true; break;
                case "--rate-limit": settings.RateLimit = (int)Integer(name, Value(), 1, int.MaxValue); break;
                case "--window": settings.Window = Duration(name, Value(), allowZero: false); limitDetails.Add(name); break;
                case "--retry-after": settings.RetryAfter = RetryAfterFormat(Value()); limitDetails.Add(name); break;
                case "--latency": settings.Latency = Duration(name, Value(), allowZero: true); break;
                case "--ignore-stdin": settings.IgnoreStdin = true; break;
                case "--help" or "-h": settings.Help = true; break;
                default: throw new FormatException($"Unknown argument '{name}'.");
            }
        }

        if (settings.RateLimit is null && limitDetails.Count > 0)
        {
            throw new FormatException($"{string.Join(" and ", limitDetails)} {(limitDetails.Count == 1 ? "needs" : "need")} --rate-limit N.");
        }

        return settings;
    }

    /// <summary>The arguments that <see cref="Parse"/> turns back into these settings (without the <c>emulator</c> command itself).</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var args = new List<string>
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--brand", BrandId.ToString(CultureInfo.InvariantCulture),
            "--keys", string.Join(',', Keys),
            "--latency", Milliseconds(Latency),
        };
        if (RateLimit is { } limit)
        {
            args.AddRange(["--rate-limit", limit.ToString(CultureInfo.InvariantCulture), "--window", Milliseconds(Window), "--retry-after", RetryAfterName(RetryAfter)]);
        }

        if (Seed)
        {
            args.Add("--seed");
        }

        if (IgnoreStdin)
        {
            args.Add("--ignore-stdin");
        }

        return args;
    }

    public CrmEmulatorOptions ToOptions()
    {
        var options = new CrmEmulatorOptions
        {
            AccessKey = Keys[0],
            BrandId = BrandId,
            ServerPort = Port,
            SeedLeadsEntity = Seed,
            Latency = Latency,
            RateLimit = RateLimit is { } limit ? new CrmEmulatorRateLimit(limit) { Window = Window, RetryAfter = RetryAfter } : null,
        };
        foreach (var key in Keys.Skip(1))
        {
            options.AdditionalAccessKeys.Add(key);
        }

        return options;
    }

    public static string RetryAfterName(CrmEmulatorRetryAfter format) => format switch
    {
        CrmEmulatorRetryAfter.HttpDate => "date",
        CrmEmulatorRetryAfter.None => "none",
        _ => "seconds",
    };

    private static long Integer(string name, string text, long min, long max) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name} must be a whole number from {min} to {max}, not '{text}'.");

    /// <remarks>The values themselves are not echoed: they are access keys.</remarks>
    private static string[] KeyList(string text)
    {
        // Trimmed as the emulator trims the header it receives, so "k1, k2" means what it says.
        var keys = text.Split(',', StringSplitOptions.TrimEntries);
        if (keys.Any(string.IsNullOrWhiteSpace))
        {
            throw new FormatException("--keys must be a comma-separated list of non-empty keys.");
        }

        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Length)
        {
            throw new FormatException("--keys lists the same key twice; each key needs its own value.");
        }

        return keys;
    }

    private static TimeSpan Duration(string name, string text, bool allowZero)
    {
        var match = DurationPattern().Match(text);
        if (text == "0" && allowZero)
        {
            return TimeSpan.Zero;
        }

        if (!match.Success)
        {
            throw new FormatException($"{name} must be a number with a unit (ms, s or m), e.g. 500ms or 1s, not '{text}'.");
        }

        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var value = match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            _ => TimeSpan.FromMinutes(amount),
        };
        return value > TimeSpan.Zero || allowZero
            ? value
            : throw new FormatException($"{name} must be longer than zero.");
    }

    private static CrmEmulatorRetryAfter RetryAfterFormat(string text) => text switch
    {
        "seconds" => CrmEmulatorRetryAfter.Seconds,
        "date" => CrmEmulatorRetryAfter.HttpDate,
        "none" => CrmEmulatorRetryAfter.None,
        _ => throw new FormatException($"--retry-after must be seconds, date or none, not '{text}'."),
    };

    private static string Milliseconds(TimeSpan value) => value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms";

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
