namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>Where an import reports rows as they finish (a progress bar on a terminal, or nothing).</summary>
internal interface IImportProgress
{
    void Advance(int rows);
}
