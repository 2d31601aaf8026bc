namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>The two file formats import reads.</summary>
internal enum ImportFormat
{
    Csv,
    JsonLines,
}
