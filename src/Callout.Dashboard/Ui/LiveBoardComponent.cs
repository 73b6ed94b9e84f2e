using System.Globalization;
using System.Security.Claims;
using Callout.Dashboard.Domain;
using Callout.Dashboard.LiveBoard;
using Callout.Dashboard.SignIn;
using Callout.Dashboard.Viewers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Ui;

/// <summary>
/// Base of every live page. It asks <see cref="ViewerResolver"/> who is looking, scopes the URL's queue filter to
/// them, follows the board feed with it (<see cref="FeedSubscription"/>), re-renders through a
/// <see cref="RenderThrottle"/> when the board it shows changes, and on each <see cref="PageTicker"/> tick either
/// renders (its own clock texts moved) or ticks the <see cref="PageClock"/>, so only the parts showing the clock
/// render. Never touches the database.
/// </summary>
public abstract class LiveBoardComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private FeedSubscription? _feed;
    private RenderThrottle? _throttle;
    private ViewerResolution? _viewer;
    private bool _sentToSignIn;
    private Task? _ticking;
    private IDisposable? _revokeWatch;
    private RenderedPage _rendered = RenderedPage.Nothing;
    private (CultureInfo Formats, CultureInfo Words)? _culture;

    [Inject] protected Board Board { get; set; } = null!;
    [Inject] protected BoardFeed Feed { get; set; } = null!;
    [Inject] protected SnapshotCache Snapshots { get; set; } = null!;
    [Inject] protected TimeProvider Clock { get; set; } = null!;
    [Inject] protected IOptions<DashboardOptions> Options { get; set; } = null!;
    [Inject] protected PageClock PageClock { get; set; } = null!;
    [Inject] protected ViewerResolver Viewers { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected IStringLocalizer<Texts> T { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [SupplyParameterFromQuery(Name = "queue")]
    public string[]? QueueKeys { get; set; }

    /// <summary>A wall-display link's token; only pages that <see cref="AcceptsWallLink"/> read it.</summary>
    [SupplyParameterFromQuery(Name = "token")]
    public string? WallLink { get; set; }

    protected QueueFilter Filter { get; private set; } = QueueFilter.All;

    /// <summary>The page's query string (the queue filter), for links that keep the view's queues.</summary>
    protected string PageQuery => new Uri(Navigation.Uri).Query;

    /// <summary>The snapshot with names and staleness, as panels show it (numbers already masked for this viewer).</summary>
    protected BoardView View { get; private set; } = null!;

    /// <summary>Filtered keys that name no queue the board knows: shown as a notice, not an error.</summary>
    protected IReadOnlyList<string> UnknownQueueKeys { get; private set; } = [];

    /// <summary>Filtered keys outside what this viewer may see: the page then shows nothing but a notice.</summary>
    protected IReadOnlyList<string> RefusedQueueKeys { get; private set; } = [];

    /// <summary>The queues this viewer may see; null: all.</summary>
    protected IReadOnlySet<string>? AllowedQueues => _viewer?.Access?.AllowedQueues;

    /// <summary>The viewer was given a queue list that names no queue: the page shows only a notice.</summary>
    protected bool MaySeeNoQueue => _viewer?.Access?.MaySeeNoQueue == true;

    /// <summary>The page was opened with a wall-display link that is forged, unknown or revoked.</summary>
    protected bool WallLinkRefused { get; private set; }

    /// <summary>Whether a <c>?token=</c> link may open this page without a sign-in (the wall only).</summary>
    protected virtual bool AcceptsWallLink => false;

    /// <summary>The page's own texts that change with the clock alone (not its panels'): a change renders the page on a tick.</summary>
    protected virtual IEnumerable<string> ClockTexts(BoardView view) => [];

    public override Task SetParametersAsync(ParameterView parameters)
    {
        // The circuit's connection came with the page's culture; board changes and ticks arrive on other threads.
        _culture ??= (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        _feed ??= new FeedSubscription(Feed, () => _throttle!.Request());
        _throttle ??= new RenderThrottle(Clock, () => Options.Value.MaxRendersPerSecond, UpdateAsync, _stop.Token);
        // Started on the first parameters, not after the first render: Blazor Server calls OnAfterRender once
        // the browser has acknowledged the render, so a lost or failed acknowledgement left a page without ticks.
        // Only an interactive page ticks; a prerendered one is thrown away after one render.
        _ticking ??= RendererInfo.IsInteractive ? PageTicker.RunAsync(Clock, UpdateAsync, _stop.Token) : Task.CompletedTask;
        return base.SetParametersAsync(parameters);
    }

    protected override async Task OnParametersSetAsync()
    {
        var user = Authentication is null ? new ClaimsPrincipal() : (await Authentication).User;
        _viewer = Viewers.Resolve(user, WallLink, AcceptsWallLink);
        if (_viewer.Access is not { } access)
        {
            ShowNothing(_viewer.WallLinkRefused);
            if (_viewer.NeedsSignIn && !_sentToSignIn)
            {
                _sentToSignIn = true;
                Navigation.GoToSignIn();
            }
            Remember();
            return;
        }
        WallLinkRefused = false;
        if (_viewer.WallTokenId is not null)
        {
            // Compared with the link the page holds when the revoke comes: a navigation may have brought another.
            _revokeWatch ??= Viewers.WhenRevoked(id =>
            {
                if (id == _viewer?.WallTokenId)
                {
                    _throttle!.Request();
                }
            });
        }
        var scoped = access.Scope(new QueueFilter(QueueKeys ?? []));
        RefusedQueueKeys = scoped.Refused;
        Filter = scoped.Filter ?? QueueFilter.Nothing;
        _feed!.Follow(Filter, access.MaskNumbers);
        // Refresh notes a wall screen as seen.
        Refresh();
        Remember();
    }

    private void ShowNothing(bool wallLinkRefused)
    {
        WallLinkRefused = wallLinkRefused;
        _feed?.Stop();
        Filter = QueueFilter.Nothing;
        View = new BoardView(Snapshots.Get(QueueFilter.Nothing, maskNumbers: true), Board.State, Options.Value, T);
    }

    private void Refresh()
    {
        if (_viewer?.Access is not { } access || WallLinkRefused)
        {
            return;
        }
        // A revoked link stops the screen at once (WhenRevoked), or at the latest at its next tick.
        if (_viewer.WallTokenId is { } tokenId && !Viewers.StillValid(tokenId))
        {
            ShowNothing(wallLinkRefused: true);
            return;
        }
        var snapshot = Snapshots.Get(Filter, access.MaskNumbers);
        View = new BoardView(snapshot, Board.State, Options.Value, T);
        // The snapshot lists every filtered queue the board knows (from calls or the queues table).
        UnknownQueueKeys = Filter.IsAll ? [] : [.. Filter.Keys.Where(k => !snapshot.Queues.Any(q => q.QueueKey == k))];
    }

    private void Remember() => _rendered = new RenderedPage(View, [.. ClockTexts(View)]);

    /// <summary>Renders the page if the board it shows changed, else ticks the parts of it that show the clock.</summary>
    private async Task UpdateAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                // The ticker starts with the first parameters; until the viewer is resolved (the sign-in state is awaited)
                // there is no view to compare, and the first render follows the resolution anyway.
                if (_viewer is null)
                {
                    return;
                }
                if (_culture is { } culture)
                {
                    CultureInfo.CurrentCulture = culture.Formats;
                    CultureInfo.CurrentUICulture = culture.Words;
                }
                Refresh();
                if (_rendered.DiffersFrom(View, ClockTexts(View)))
                {
                    _throttle!.LastRender = Clock.GetUtcNow();
                    Remember();
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
        _feed?.Dispose();
        _revokeWatch?.Dispose();
        // Not disposed: a render scheduled on another thread may still read the token.
        _stop.Cancel();
        GC.SuppressFinalize(this);
    }
}
