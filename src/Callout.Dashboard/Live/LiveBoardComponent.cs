using System.Security.Claims;
using Callout.Dashboard.Access;
using Callout.Dashboard.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Callout.Dashboard.Live;

/// <summary>
/// Base of every live page: works out who is looking and what they may see, reads the queue filter
/// from the URL, subscribes to the board feed with it, and re-renders on changes (at most
/// <see cref="DashboardOptions.MaxRendersPerSecond"/> a second) and once a second for countdowns and
/// data age. Never touches the database.
/// </summary>
public abstract class LiveBoardComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _subscription;
    private string? _filterKey;
    private string? _wallTokenId;
    private int _renderPending;
    private DateTimeOffset _lastRender;

    [Inject] protected Board Board { get; set; } = null!;
    [Inject] protected BoardFeed Feed { get; set; } = null!;
    [Inject] protected SnapshotCache Snapshots { get; set; } = null!;
    [Inject] protected TimeProvider Clock { get; set; } = null!;
    [Inject] protected IOptions<DashboardOptions> Options { get; set; } = null!;
    [Inject] protected WallTokenStore WallTokens { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [SupplyParameterFromQuery(Name = "queue")]
    public string[]? QueueKeys { get; set; }

    /// <summary>A wall-display link's token; only pages that <see cref="AcceptsWallLink"/> read it.</summary>
    [SupplyParameterFromQuery(Name = "token")]
    public string? WallLink { get; set; }

    protected QueueFilter Filter { get; private set; } = QueueFilter.All;

    protected BoardSnapshot Snapshot { get; private set; } = null!;

    /// <summary>The snapshot with names and staleness, as panels show it (numbers already masked for this viewer).</summary>
    protected BoardView View => new(Snapshot, Board.State, Options.Value);

    /// <summary>Filtered keys that name no queue the board knows: shown as a notice, not an error.</summary>
    protected IReadOnlyList<string> UnknownQueueKeys { get; private set; } = [];

    /// <summary>Filtered keys outside what this viewer may see: the page then shows nothing but a notice.</summary>
    protected IReadOnlyList<string> RefusedQueueKeys { get; private set; } = [];

    /// <summary>The page was opened with a wall-display link that is forged, unknown or revoked.</summary>
    protected bool WallLinkRefused { get; private set; }

    /// <summary>Whether a <c>?token=</c> link may open this page without a sign-in (the wall only).</summary>
    protected virtual bool AcceptsWallLink => false;

    protected override async Task OnParametersSetAsync()
    {
        var access = _access = await ResolveAccessAsync();
        if (access is null)
        {
            return;
        }
        var scoped = access.Scope(new QueueFilter(QueueKeys ?? []));
        RefusedQueueKeys = scoped.Refused;
        var filter = scoped.Filter ?? QueueFilter.Nothing;
        var key = (access.MaskNumbers ? "m:" : "u:") + SnapshotCache.Key(filter);
        if (key != _filterKey)
        {
            _subscription?.Dispose();
            Filter = filter;
            _filterKey = key;
            MaskNumbers = access.MaskNumbers;
            _subscription = Feed.Subscribe(filter, ScheduleRender);
        }
        Refresh();
    }

    private bool MaskNumbers { get; set; } = true;

    private ViewerAccess? _access;
    private bool _sentToSignIn;

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
                _wallTokenId = token.Id;
                WallTokens.Touch(token.Id);
                return ViewerAccess.For(token, Options.Value);
            }
            RefuseWallLink();
            return null;
        }
        var user = Authentication is null ? new ClaimsPrincipal() : (await Authentication).User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // Only pages open to wall links get here without a user; the others are guarded by [Authorize].
            Snapshot = Snapshots.Get(QueueFilter.Nothing, maskNumbers: true);
            if (!_sentToSignIn)
            {
                _sentToSignIn = true;
                var here = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
                Navigation.NavigateTo($"/login?returnUrl={Uri.EscapeDataString(here)}", forceLoad: true);
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
        Filter = QueueFilter.Nothing;
        Snapshot = Snapshots.Get(QueueFilter.Nothing, maskNumbers: true);
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
        // A revoked link stops the screen at its next tick or change, well within a poll interval.
        if (_wallTokenId is not null && !WallTokens.Touch(_wallTokenId))
        {
            RefuseWallLink();
        }
        if (WallLinkRefused || _access is null)
        {
            return;
        }
        Snapshot = Snapshots.Get(Filter, MaskNumbers);
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
