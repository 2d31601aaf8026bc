using System.Runtime.InteropServices;

namespace ElasticFunnels.Crm.Cli.App;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM cancel a token instead of killing the process, so a command can stop
/// cleanly and say what it wrote. A second Ctrl-C ends the process at once.
/// </summary>
internal sealed class InterruptSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    private InterruptSignal()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _source.Token;

    public static InterruptSignal Listen() => new();

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested)
        {
            return; // the second signal takes the default action: the process ends
        }

        context.Cancel = true;
        _source.Cancel();
    }
}
