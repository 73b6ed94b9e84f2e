namespace Callout.Dashboard.Viewers;

/// <summary>
/// Opens the wall-display link file when the server starts, so a damaged one stops start-up with its message rather
/// than failing every page, and looks for other servers' changes every two seconds, so a revoke made on one of them
/// closes this server's hub connections of that link too (pages see it at their next tick anyway).
/// </summary>
public sealed class WallTokenWatcher(WallTokenStore tokens, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                tokens.ReloadIfChanged();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
