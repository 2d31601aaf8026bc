using ElasticFunnels.Crm.Cli.App;
using ElasticFunnels.Crm.Cli.Values;

namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>
/// What each CSV column is: a fixed column (the export's names: title, reference_type, reference_id,
/// pipeline_id, stage_id, assigned_to_user_id, assigned_to_team_id), a field (its key, or <c>values.{key}</c>),
/// or read-only (id, created_at, updated_at: ignored). Built before anything is sent, so a file whose
/// columns cannot work is refused as a whole.
/// </summary>
internal sealed class ColumnMap
{
    private static readonly string[] ReadOnlyColumns = ["id", "created_at", "updated_at", "crm_entity_id", "brand_id"];

    private ColumnMap()
    {
    }

    public int HeaderCount { get; private init; }

    public int Title { get; private init; } = -1;

    public int ReferenceType { get; private init; } = -1;

    public int ReferenceId { get; private init; } = -1;

    public int PipelineId { get; private init; } = -1;

    public int StageId { get; private init; } = -1;

    public int AssignedUser { get; private init; } = -1;

    public int AssignedTeam { get; private init; } = -1;

    public IReadOnlyList<(int Index, CustomField Field)> Fields { get; private init; } = [];

    /// <summary>Columns skipped with --ignore-unknown-columns, to warn about.</summary>
    public IReadOnlyList<string> Ignored { get; private init; } = [];

    public static ColumnMap Build(IReadOnlyList<string> header, EntityTarget target, ImportSettings settings)
    {
        var fixedColumns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var fields = new List<(int, CustomField)>();
        var ignored = new List<string>();
        var unknown = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            if (name.Length == 0)
            {
                throw new CliUsageException($"Column {i + 1} of the header has no name.");
            }

            if (!seen.Add(name))
            {
                throw new CliUsageException($"The header names the column '{name}' twice.");
            }

            if (name.StartsWith("values.", StringComparison.Ordinal) && target.Schema.TryGetField(name["values.".Length..], out var prefixed))
            {
                fields.Add((i, prefixed));
            }
            else if (name.ToLowerInvariant() is "title" or "reference_type" or "reference_id" or "pipeline_id" or "stage_id" or "assigned_to_user_id" or "assigned_to_team_id")
            {
                fixedColumns[name] = i;
            }
            else if (target.Schema.TryGetField(name, out var field))
            {
                fields.Add((i, field));
            }
            else if (ReadOnlyColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            else if (settings.IgnoreUnknownColumns)
            {
                ignored.Add(name);
            }
            else
            {
                unknown.Add(name);
            }
        }

        if (unknown.Count > 0)
        {
            throw new CliUsageException(
                $"{Plural(unknown.Count, "Column")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} {(unknown.Count == 1 ? "is" : "are")} not a field of entity {target.Label} "
                + $"(fields: {string.Join(", ", target.Schema.Fields.Select(f => f.Key))}). Rename {(unknown.Count == 1 ? "it" : "them")}, or pass --ignore-unknown-columns.");
        }

        int Index(string column) => fixedColumns.TryGetValue(column, out var index) ? index : -1;
        var map = new ColumnMap
        {
            HeaderCount = header.Count,
            Title = Index("title"),
            ReferenceType = Index("reference_type"),
            ReferenceId = Index("reference_id"),
            PipelineId = Index("pipeline_id"),
            StageId = Index("stage_id"),
            AssignedUser = Index("assigned_to_user_id"),
            AssignedTeam = Index("assigned_to_team_id"),
            Fields = fields,
            Ignored = ignored,
        };

        var missing = new List<string>();
        if (map.Title < 0)
        {
            missing.Add("'title' (every entry needs one)");
        }

        if (settings.UpsertByReference && map.ReferenceId < 0)
        {
            missing.Add("'reference_id' (--upsert-by reference finds entries by it)");
        }

        if (settings.UpsertByReference && map.ReferenceType < 0 && settings.DefaultReferenceType is null)
        {
            missing.Add("'reference_type' (or pass --reference-type)");
        }

        foreach (var field in target.Schema.Fields.Where(f => f.Required && !fields.Any(c => c.Item2.Key == f.Key)))
        {
            missing.Add($"'{field.Key}' (a required field of entity {target.Label})");
        }

        return missing.Count == 0
            ? map
            : throw new CliUsageException($"The file lacks {Plural(missing.Count, "required column")}: {string.Join(", ", missing)}. Nothing was sent.");
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
