namespace Callout.Dashboard.Viewers;

/// <summary>
/// Opens the wall-display links when the server starts, so a damaged store stops start-up with its message rather
/// than failing every page, and every two seconds takes in other servers' changes (a revoke made on one of them
/// closes this server's pages and hub connections of that link too) and saves what
/// could only be kept in memory while the shared store was away.
/// </summary>
public sealed class WallTokenWatcher(WallTokenStore tokens, EndedSessions sessions, TimeProvider clock) : BackgroundService
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
                tokens.SaveUnsaved();
                sessions.SaveUnsaved();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
