using System.CommandLine;
using System.Globalization;
using ElasticFunnels.Crm.Cli.Api;
using ElasticFunnels.Crm.Cli.Output;
using ElasticFunnels.Crm.Cli.Settings;

namespace ElasticFunnels.Crm.Cli.App;

/// <summary>One command's run: its parsed arguments, output, and (created on first use) the connection.</summary>
internal sealed class CommandContext(ParseResult parse, CliHost host, GlobalOptions globals) : IDisposable
{
    private ElasticFunnelsCrmClient? _client;
    private CrmApi? _api;
    private VerboseListener? _listener;
    private ConnectionSettings? _settings;
    private IReadOnlyList<CrmEntity>? _entities;

    public CliHost Host => host;

    public CliOutput Output { get; } = new(host, parse.GetValue(globals.Json));

    public bool Verbose => parse.GetValue(globals.Verbose);

    public T Get<T>(Option<T> option) => parse.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => parse.GetValue(argument)!;

    /// <summary>The API, connected with the resolved settings (see <see cref="ConnectionSettings"/>).</summary>
    public CrmApi Api
    {
        get
        {
            if (_api is not null)
            {
                return _api;
            }

            var keyFlag = parse.GetValue(globals.Key);
            if (keyFlag is not null)
            {
                Output.Warn("--key leaves the access key in your shell's history; prefer EF_ACCESS_KEY or `efcrm profile set`.");
            }

            _settings = ConnectionSettings.Resolve(keyFlag, parse.GetValue(globals.Brand), parse.GetValue(globals.BaseUrl), parse.GetValue(globals.Profile), host);
            if (new ProfileStore(host.ConfigDirectory).PermissionWarning() is { } warning)
            {
                Output.Warn(warning);
            }

            if (Verbose)
            {
                Output.Info($"Connecting to {_settings}.");
                _listener = new VerboseListener(host.Error, _settings.BaseAddress ?? new ElasticFunnelsCrmOptions().BaseAddress);
            }

            _client = new ElasticFunnelsCrmClient(_settings.ToOptions());
            return _api = new CrmApi(_client);
        }
    }

    /// <summary>A second belt: the SDK never puts the key in a message, but nothing the tool prints may contain it.</summary>
    public string Redact(string message)
    {
        foreach (var secret in new[] { _settings?.AccessKey, parse.GetValue(globals.Key), host.Variable("EF_ACCESS_KEY") })
        {
            if (secret is { Length: > 3 })
            {
                message = message.Replace(secret.Trim(), "***", StringComparison.Ordinal);
            }
        }

        return message;
    }

    /// <summary>An entity id from an id or a slug (one request to list the entities for a slug).</summary>
    public async Task<CrmEntity> EntityAsync(string idOrSlug, CancellationToken ct)
    {
        if (long.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return await Api.GetEntityAsync(id, ct);
        }

        _entities ??= await Api.ListEntitiesAsync(ct);
        var match = _entities.FirstOrDefault(e => string.Equals(e.Slug, idOrSlug, StringComparison.Ordinal))
            ?? _entities.SingleOrDefault(e => string.Equals(e.Name, idOrSlug, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var known = _entities.Count == 0 ? "there are no entities yet" : "slugs: " + string.Join(", ", _entities.Select(e => e.Slug ?? e.Id.ToString(CultureInfo.InvariantCulture)));
            throw new CliUsageException($"No entity with the id, slug or name '{idOrSlug}' ({known}).");
        }

        // The listing may leave out pipelines and fields; the entity's own GET has them.
        return await Api.GetEntityAsync(match.Id, ct);
    }

    public async Task<long> EntityIdAsync(string idOrSlug, CancellationToken ct) =>
        long.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : (await EntityAsync(idOrSlug, ct)).Id;

    /// <summary>True with --yes; asks on a terminal; refuses (usage error) when nobody can answer.</summary>
    public bool Confirm(string question, bool yes)
    {
        if (yes)
        {
            return true;
        }

        if (!host.InIsTerminal)
        {
            throw new CliUsageException("Pass --yes to confirm: standard input is not a terminal, so there is nobody to ask.");
        }

        host.Error.Write($"{question} [y/N] ");
        var answer = host.In.ReadLine()?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _client?.Dispose();
    }
}
