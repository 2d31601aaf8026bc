namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>What an import run did, counted over every row of the file.</summary>
internal sealed class ImportSummary
{
    public int Rows { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    /// <summary>Rows that failed in this run.</summary>
    public int Failed { get; set; }

    /// <summary>Rows the results file already accounted for (--resume), and that were not tried again.</summary>
    public int Skipped { get; set; }

    /// <summary>Of <see cref="Skipped"/>, those recorded as failed.</summary>
    public int SkippedFailed { get; set; }

    /// <summary>Rows not sent because the import was cancelled; a resumed import sends them.</summary>
    public int NotSent { get; set; }

    /// <summary>--dry-run: rows that passed every check.</summary>
    public int Valid { get; set; }

    public bool Cancelled { get; set; }

    public int Written => Created + Updated;
}
