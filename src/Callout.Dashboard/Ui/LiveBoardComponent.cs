using System.Security.Claims;
using Callout.Dashboard.Domain;
using Callout.Dashboard.LiveBoard;
using Callout.Dashboard.SignIn;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Ui;

/// <summary>
/// Base of every live page: works out who is looking and what they may see (queues, masked numbers),
/// reads the queue filter from the URL, subscribes to the board feed with it, and
/// re-renders when the board it shows changes (at most <see cref="DashboardOptions.MaxRendersPerSecond"/> a
/// second). Once a second it ticks the <see cref="PageClock"/>, so only the parts showing the clock render.
/// Never touches the database.
/// </summary>
public abstract class LiveBoardComponent : ComponentBase, IDisposable
{
    /// <summary>Ticks land this far into a second: clear of the boundary, so each lands in the next second's snapshot.</summary>
    private static readonly TimeSpan s_tickOffset = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _subscription;
    private string? _filterKey;
    private string? _wallTokenId;
    private ViewerAccess? _access;
    private bool _sentToSignIn;
    private int _renderPending;
    private DateTimeOffset _lastRender;
    private Task? _ticking;
    private BoardView? _renderedView;
    private string[] _renderedClock = [];

    [Inject] protected Board Board { get; set; } = null!;
    [Inject] protected BoardFeed Feed { get; set; } = null!;
    [Inject] protected SnapshotCache Snapshots { get; set; } = null!;
    [Inject] protected TimeProvider Clock { get; set; } = null!;
    [Inject] protected IOptions<DashboardOptions> Options { get; set; } = null!;
    [Inject] protected PageClock PageClock { get; set; } = null!;
    [Inject] protected WallTokenStore WallTokens { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [SupplyParameterFromQuery(Name = "queue")]
    public string[]? QueueKeys { get; set; }

    /// <summary>A wall-display link's token; only pages that <see cref="AcceptsWallLink"/> read it.</summary>
    [SupplyParameterFromQuery(Name = "token")]
    public string? WallLink { get; set; }

    protected QueueFilter Filter { get; private set; } = QueueFilter.All;

    /// <summary>The snapshot with names and staleness, as panels show it (numbers already masked for this viewer).</summary>
    protected BoardView View { get; private set; } = null!;

    /// <summary>Filtered keys that name no queue the board knows: shown as a notice, not an error.</summary>
    protected IReadOnlyList<string> UnknownQueueKeys { get; private set; } = [];

    /// <summary>Filtered keys outside what this viewer may see: the page then shows nothing but a notice.</summary>
    protected IReadOnlyList<string> RefusedQueueKeys { get; private set; } = [];

    /// <summary>The page was opened with a wall-display link that is forged, unknown or revoked.</summary>
    protected bool WallLinkRefused { get; private set; }

    /// <summary>Whether a <c>?token=</c> link may open this page without a sign-in (the wall only).</summary>
    protected virtual bool AcceptsWallLink => false;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        // Started on the first parameters, not after the first render: Blazor Server calls OnAfterRender once
        // the browser has acknowledged the render, so a lost or failed acknowledgement left a page without ticks.
        // Only an interactive page ticks; a prerendered one is thrown away after one render.
        _ticking ??= RendererInfo.IsInteractive ? TickAsync() : Task.CompletedTask;
        return base.SetParametersAsync(parameters);
    }

    protected override async Task OnParametersSetAsync()
    {
        var access = _access = await ResolveAccessAsync();
        if (access is null)
        {
            RememberRendered();
            return;
        }
        var scoped = access.Scope(new QueueFilter(QueueKeys ?? []));
        RefusedQueueKeys = scoped.Refused;
        var filter = scoped.Filter ?? QueueFilter.Nothing;
        var key = SnapshotCache.Key(filter, access.MaskNumbers);
        if (key != _filterKey)
        {
            _subscription?.Dispose();
            Filter = filter;
            _filterKey = key;
            _subscription = Feed.Subscribe(filter, ScheduleRender);
        }
        Refresh();
        RememberRendered();
    }

    /// <summary>
    /// Who is looking: a wall-display link where the page takes one, else the signed-in user. Null when
    /// nobody may look; the page then shows a refusal (bad link) or goes to the sign-in page.
    /// </summary>
    private async Task<ViewerAccess?> ResolveAccessAsync()
    {
        if (AcceptsWallLink && !string.IsNullOrEmpty(WallLink))
        {
            if (WallTokens.Validate(WallLink) is { } token)
            {
                // Refresh, which runs next, notes the screen as seen.
                _wallTokenId = token.Id;
                return ViewerAccess.For(token, Options.Value);
            }
            RefuseWallLink();
            return null;
        }
        var user = Authentication is null ? new ClaimsPrincipal() : (await Authentication).User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // Only pages open to wall links get here without a user; the others are guarded by [Authorize].
            ShowNothing();
            if (!_sentToSignIn)
            {
                _sentToSignIn = true;
                Navigation.GoToSignIn();
            }
            return null;
        }
        return ViewerAccess.For(user, Options.Value);
    }

    private void RefuseWallLink()
    {
        WallLinkRefused = true;
        _subscription?.Dispose();
        _subscription = null;
        _filterKey = null;
        ShowNothing();
    }

    private void ShowNothing()
    {
        Filter = QueueFilter.Nothing;
        View = new BoardView(Snapshots.Get(QueueFilter.Nothing, maskNumbers: true), Board.State, Options.Value);
    }

    /// <summary>The page's own texts that change with the clock alone (not its panels'): a change renders the page on a tick.</summary>
    protected virtual IEnumerable<string> ClockTexts(BoardView view) => [];

    private void Refresh()
    {
        // A revoked link stops the screen at its next tick or change, well within a poll interval.
        if (_wallTokenId is not null && !WallLinkRefused && !WallTokens.Touch(_wallTokenId))
        {
            RefuseWallLink();
        }
        if (WallLinkRefused || _access is null)
        {
            return;
        }
        var snapshot = Snapshots.Get(Filter, _access.MaskNumbers);
        View = new BoardView(snapshot, Board.State, Options.Value);
        // The snapshot lists every filtered queue the board knows (from calls or the queues table).
        UnknownQueueKeys = Filter.IsAll ? [] : [.. Filter.Keys.Where(k => !snapshot.Queues.Any(q => q.QueueKey == k))];
    }

    private void RememberRendered()
    {
        _renderedView = View;
        _renderedClock = [.. ClockTexts(View)];
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
            await UpdateAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The heartbeat: countdowns, "overdue" and the data age move with the clock. Each wait is measured from the
    /// clock, so a late tick (a busy server) delays only itself, and an exception cannot end the loop.
    /// </summary>
    private async Task TickAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(UntilNextTick(Clock.GetUtcNow()), Clock, _stop.Token);
                await UpdateAsync();
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

    /// <summary>Renders the page if the board it shows changed, else ticks the parts of it that show the clock.</summary>
    private async Task UpdateAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                Refresh();
                if (!View.ShowsSameDataAs(_renderedView) || !ClockTexts(View).SequenceEqual(_renderedClock, StringComparer.Ordinal))
                {
                    _lastRender = Clock.GetUtcNow();
                    RememberRendered();
                    StateHasChanged();
                }
                else
                {
                    PageClock.Tick(View);
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between scheduling and rendering.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
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
