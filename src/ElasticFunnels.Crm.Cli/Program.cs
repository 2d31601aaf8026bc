using ElasticFunnels.Crm.Cli.App;

namespace ElasticFunnels.Crm.Cli;

/// <summary>The <c>efcrm</c> entry point: the real console, environment and Ctrl-C.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var interrupt = InterruptSignal.Listen();
        var host = CliHost.FromProcess();
        try
        {
            return await CliApp.RunAsync(args, host, interrupt.Token);
        }
        finally
        {
            await host.Out.FlushAsync(CancellationToken.None);
        }
    }
}
