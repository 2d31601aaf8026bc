namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>How rows become entries, from the import command's options.</summary>
internal sealed record ImportSettings
{
    /// <summary><c>--upsert-by reference</c>: update the entry with the row's reference instead of creating another.</summary>
    public bool UpsertByReference { get; init; }

    /// <summary><c>--reference-type</c>: for rows whose reference_type is empty.</summary>
    public string? DefaultReferenceType { get; init; }

    /// <summary><c>--pipeline</c>/<c>--stage</c>: where every row goes, whatever its pipeline_id/stage_id say.</summary>
    public (long? PipelineId, long? StageId)? Placement { get; init; }

    /// <summary>Undo the export's spreadsheet formula guard (<see cref="EntryCsvCells.RestoreFormula"/>); off with --no-formula-guard.</summary>
    public bool RestoreFormulas { get; init; } = true;

    /// <summary><c>--ignore-unknown-columns</c>: a column that is no field is skipped instead of refused.</summary>
    public bool IgnoreUnknownColumns { get; init; }
}
