namespace Callout.Dashboard.Ui;

/// <summary>
/// Coalesces a burst of board changes into one render, at most <c>maxPerSecond</c> a second. Requests come on the
/// poller's thread, so they only schedule: the render runs after the spacing since the last one has passed.
/// </summary>
public sealed class RenderThrottle(TimeProvider clock, Func<int> maxPerSecond, Func<Task> render, CancellationToken stop)
{
    private int _pending;

    /// <summary>When the page last rendered (set by the page, also for renders this throttle did not cause).</summary>
    public DateTimeOffset LastRender { get; set; }

    public void Request()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _ = RenderSoonAsync();
        }
    }

    private async Task RenderSoonAsync()
    {
        try
        {
            var wait = LastRender + TimeSpan.FromSeconds(1.0 / maxPerSecond()) - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stop);
            }
            Volatile.Write(ref _pending, 0);
            await render();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
