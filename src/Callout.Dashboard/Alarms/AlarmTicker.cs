using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Alarms;

/// <summary>
/// Applies the alarm rules once a second for the whole server: the clock alone moves a call past its due time or a pause
/// past its limit, and polls pause while the database is away (when the data-age alarm matters most).
/// </summary>
public sealed class AlarmTicker(Board board, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                board.EvaluateAlarms();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
