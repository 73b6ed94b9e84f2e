using System.Runtime.InteropServices;

namespace Callout.Dashboard.Benchmarks;

/// <summary>
/// A service manager's SIGTERM (a CI timeout, kill) cancels a run as Ctrl+C does, so the server process, the browser
/// and the temporary database or folder are cleaned up.
/// </summary>
public sealed class TerminateSignal : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _registration;

    public TerminateSignal(CancellationToken cancellationToken)
    {
        var stop = _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        _registration.Dispose();
        _stop.Dispose();
    }
}
