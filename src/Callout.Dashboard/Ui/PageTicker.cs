namespace Callout.Dashboard.Ui;

/// <summary>
/// A page's heartbeat: countdowns, "overdue" and the data age move with the clock. Each wait is measured from the
/// clock, so a late tick (a busy server) delays only itself, and an exception cannot end the loop.
/// </summary>
public static class PageTicker
{
    /// <summary>Ticks land this far into a second: clear of the boundary, so each lands in the next second's snapshot.</summary>
    private static readonly TimeSpan s_tickOffset = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(TimeProvider clock, Func<Task> tick, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(UntilNextTick(clock.GetUtcNow()), clock, stop);
                await tick();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal static TimeSpan UntilNextTick(DateTimeOffset now)
    {
        var wait = s_tickOffset - TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerSecond);
        return wait > TimeSpan.Zero ? wait : wait + TimeSpan.FromSeconds(1);
    }
}
