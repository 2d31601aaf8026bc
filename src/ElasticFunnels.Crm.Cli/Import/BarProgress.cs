using Spectre.Console;

namespace ElasticFunnels.Crm.Cli.Import;

/// <summary>A progress bar row on a terminal (Spectre.Console's task is safe to advance from any thread).</summary>
internal sealed class BarProgress(ProgressTask task) : IImportProgress
{
    public void Advance(int rows) => task.Increment(rows);
}
