using System.Globalization;
using System.Text.Json;
using ElasticFunnels.Crm.Cli.Values;

namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>
/// Turns one import row into an entry create request, or into the reasons it cannot be one: its cells
/// read as their fields' types, its pipeline and stage checked against the entity, and its values
/// checked against the entity's fields. Pure: nothing is sent from here.
/// </summary>
internal sealed class RowConverter(EntityTarget target, ImportSettings settings, ColumnMap? columns)
{
    private readonly (long? PipelineId, long? StageId) _defaultPlacement = settings.Placement ?? target.Placement(null, null);

    public (EntryCreateRequest? Request, string? Error, string? ReferenceId) Convert(ImportRecord record)
    {
        if (record.Problem is not null)
        {
            return (null, record.Problem, null);
        }

        return record.Cells is { } cells ? FromCells(cells) : FromJson(record.Json!.Value);
    }

    private (EntryCreateRequest?, string?, string?) FromCells(IReadOnlyList<string> cells)
    {
        var map = columns!;
        if (cells.Count > map.HeaderCount)
        {
            return (null, $"the row has {cells.Count} cells but the header has {map.HeaderCount} columns (a delimiter or quote out of place?).", null);
        }

        string? Cell(int index)
        {
            if (index < 0 || index >= cells.Count)
            {
                return null;
            }

            var text = settings.RestoreFormulas ? EntryCsvCells.RestoreFormula(cells[index]) : cells[index];
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        var problems = new List<string>();
        var values = new FieldValues();
        foreach (var (index, field) in map.Fields)
        {
            if (Cell(index) is not { } text)
            {
                continue;
            }

            if (CellValue.TryParse(field, text, out var value, out var error))
            {
                values.Set(field.Key, value);
            }
            else
            {
                problems.Add(error!);
            }
        }

        return Finish(
            Cell(map.Title),
            Cell(map.ReferenceType),
            Cell(map.ReferenceId),
            Number(Cell(map.PipelineId), "pipeline_id", problems),
            Number(Cell(map.StageId), "stage_id", problems),
            Number(Cell(map.AssignedUser), "assigned_to_user_id", problems),
            Number(Cell(map.AssignedTeam), "assigned_to_team_id", problems),
            values,
            problems);
    }

    private (EntryCreateRequest?, string?, string?) FromJson(JsonElement row)
    {
        var problems = new List<string>();
        var values = new FieldValues();
        if (row.TryGetProperty("values", out var valuesJson))
        {
            if (valuesJson.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in valuesJson.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
                {
                    values.Set(property.Name, FieldValue.FromJson(property.Value));
                }
            }
            else if (valuesJson.ValueKind != JsonValueKind.Null)
            {
                problems.Add("'values' must be an object of field keys to values.");
            }
        }

        return Finish(
            Text(row, "title", problems),
            Text(row, "reference_type", problems),
            Text(row, "reference_id", problems),
            JsonNumber(row, "pipeline_id", problems),
            JsonNumber(row, "stage_id", problems),
            JsonNumber(row, "assigned_to_user_id", problems),
            JsonNumber(row, "assigned_to_team_id", problems),
            values,
            problems);
    }

    private (EntryCreateRequest?, string?, string?) Finish(
        string? title, string? referenceType, string? referenceId, long? pipelineId, long? stageId, long? userId, long? teamId, FieldValues values, List<string> problems)
    {
        if (title is null)
        {
            problems.Insert(0, "the title is empty.");
        }

        referenceType ??= settings.DefaultReferenceType;
        if (settings.UpsertByReference && referenceId is null)
        {
            problems.Add("reference_id is empty: --upsert-by reference finds the entry by it.");
        }
        else if (settings.UpsertByReference && referenceType is null)
        {
            problems.Add("reference_type is empty (pass --reference-type for rows without one).");
        }

        var placement = Placement(pipelineId, stageId, problems);
        problems.AddRange(target.Schema.ValidateCreate(values).Select(p => p.Message));
        if (problems.Count > 0)
        {
            return (null, string.Join(" ", problems.Distinct()), referenceId);
        }

        return (new EntryCreateRequest
        {
            Title = title,
            PipelineId = placement.PipelineId,
            StageId = placement.StageId,
            ReferenceType = referenceType,
            ReferenceId = referenceId,
            AssignedToUserId = userId,
            AssignedToTeamId = teamId,
            Values = values,
        }, null, referenceId);
    }

    private (long? PipelineId, long? StageId) Placement(long? pipelineId, long? stageId, List<string> problems)
    {
        if (settings.Placement is not null || (pipelineId is null && stageId is null))
        {
            return _defaultPlacement;
        }

        // A stage alone names its pipeline.
        pipelineId ??= stageId is { } s ? target.FindStage(s)?.PipelineId : null;
        stageId ??= target.Pipelines.FirstOrDefault(p => p.Id == pipelineId) is { } pipeline ? target.StagesOf(pipeline).FirstOrDefault()?.Id : null;
        if (target.PlacementProblem(pipelineId, stageId) is { } problem)
        {
            problems.Add(problem);
        }

        return (pipelineId, stageId);
    }

    private static long? Number(string? text, string column, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        problems.Add($"{column} must be a positive whole number (was \"{text}\").");
        return null;
    }

    private static string? Text(JsonElement row, string name, List<string> problems)
    {
        if (!row.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return string.IsNullOrWhiteSpace(value.GetString()) ? null : value.GetString();
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }

        problems.Add($"'{name}' must be a string.");
        return null;
    }

    private static long? JsonNumber(JsonElement row, string name, List<string> problems)
    {
        if (!row.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number > 0
            ? number
            : Number(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), name, problems);
    }
}
