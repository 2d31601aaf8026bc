namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>No animation: output is redirected, NO_COLOR is set, or the output is JSON.</summary>
internal sealed class NoProgress : IImportProgress
{
    public static readonly NoProgress Instance = new();

    public void Advance(int rows)
    {
    }
}
