using Callout.Dashboard.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Live;

/// <summary>
/// Base of every live page: reads the queue filter from the URL, subscribes to the board feed with it,
/// and re-renders on changes (at most <see cref="DashboardOptions.MaxRendersPerSecond"/> a second) and
/// once a second for countdowns and data age. Never touches the database.
/// </summary>
public abstract class LiveBoardComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _subscription;
    private string? _filterKey;
    private int _renderPending;
    private DateTimeOffset _lastRender;

    [Inject] protected Board Board { get; set; } = null!;
    [Inject] protected BoardFeed Feed { get; set; } = null!;
    [Inject] protected SnapshotCache Snapshots { get; set; } = null!;
    [Inject] protected TimeProvider Clock { get; set; } = null!;
    [Inject] protected IOptions<DashboardOptions> Options { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "queue")]
    public string[]? QueueKeys { get; set; }

    protected QueueFilter Filter { get; private set; } = QueueFilter.All;

    protected BoardSnapshot Snapshot { get; private set; } = null!;

    /// <summary>The snapshot with names, masking and staleness, as panels show it.</summary>
    protected BoardView View => new(Snapshot, Board.State, Options.Value);

    /// <summary>Filtered keys that name no queue the board knows: shown as a notice, not an error.</summary>
    protected IReadOnlyList<string> UnknownQueueKeys { get; private set; } = [];

    protected override void OnParametersSet()
    {
        var filter = new QueueFilter(QueueKeys ?? []);
        var key = SnapshotCache.Key(filter);
        if (key != _filterKey)
        {
            _subscription?.Dispose();
            Filter = filter;
            _filterKey = key;
            _subscription = Feed.Subscribe(filter, ScheduleRender);
        }
        Refresh();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = TickAsync();
        }
    }

    private void Refresh()
    {
        Snapshot = Snapshots.Get(Filter);
        // The snapshot lists every filtered queue the board knows (from calls or the queues table).
        UnknownQueueKeys = Filter.IsAll ? [] : [.. Filter.Keys.Where(k => !Snapshot.Queues.Any(q => q.QueueKey == k))];
    }

    /// <summary>Called on the poller's thread: coalesces a burst of changes into one render.</summary>
    private void ScheduleRender()
    {
        if (Interlocked.Exchange(ref _renderPending, 1) == 0)
        {
            _ = RenderSoonAsync();
        }
    }

    private async Task RenderSoonAsync()
    {
        try
        {
            var spacing = TimeSpan.FromSeconds(1.0 / Options.Value.MaxRendersPerSecond);
            var wait = _lastRender + spacing - Clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, Clock, _stop.Token);
            }
            Volatile.Write(ref _renderPending, 0);
            await RenderNowAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A one-second heartbeat: countdowns, "overdue" and the data age move with the clock.</summary>
    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await RenderNowAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RenderNowAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                _lastRender = Clock.GetUtcNow();
                Refresh();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between scheduling and rendering.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        // Not disposed: a render scheduled on another thread may still read the token.
        _stop.Cancel();
        GC.SuppressFinalize(this);
    }
}
