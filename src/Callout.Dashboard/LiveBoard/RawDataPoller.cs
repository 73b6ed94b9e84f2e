using Callout.Dashboard.Domain;
using Callout.Dashboard.Metrics;
using Callout.Dashboard.RawData;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.LiveBoard;

/// <summary>
/// The one loop per server that reads the Raw data database. Viewers never query it: they read the Board.
/// A failed poll is logged and retried with a growing pause; the last good state stays on the Board.
/// </summary>
public sealed partial class RawDataPoller(BoardSync sync, Board board, IOptions<RawDataOptions> options, TimeProvider clock, DashboardMeter meter,
    ILogger<RawDataPoller> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_pruneInterval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        using var timer = new PeriodicTimer(interval, clock);
        var failures = 0;
        var prunedAt = clock.GetUtcNow();
        do
        {
            try
            {
                var started = clock.GetTimestamp();
                await sync.PollOnceAsync(stoppingToken);
                meter.PollSucceeded(clock.GetElapsedTime(started), sync.LastPollRows);
                if (failures > 0)
                {
                    LogRecovered(failures);
                }
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                meter.PollFailed();
                var pause = Backoff(interval, failures, options.Value.MaxBackoff);
                // An operator's mistake (a wrong database, a missing column) is one clear line, logged by SchemaReport;
                // an outage is one line a try, its stack trace only at Debug.
                if (ex is not RawDataSchemaException)
                {
                    LogPollFailed(failures, pause, BoardSync.Describe(ex));
                    LogPollFailure(ex);
                }
                await Task.Delay(pause, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (clock.GetUtcNow() - prunedAt > s_pruneInterval)
            {
                board.Prune();
                prunedAt = clock.GetUtcNow();
            }
        }
        while (!stoppingToken.IsCancellationRequested && await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Doubles per failure from the poll interval up to the cap, so an outage causes no connection storm.</summary>
    internal static TimeSpan Backoff(TimeSpan interval, int failures, TimeSpan cap)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 20));
        var pause = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * factor, cap.Ticks));
        return pause < interval ? interval : pause;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Raw data poll failed ({Failures} in a row); next try in {Pause}. The board keeps its last good state, marked stale. {Reason}")]
    private partial void LogPollFailed(int failures, TimeSpan pause, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The failed poll's exception.")]
    private partial void LogPollFailure(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Raw data polling recovered after {Failures} failed polls.")]
    private partial void LogRecovered(int failures);
}
