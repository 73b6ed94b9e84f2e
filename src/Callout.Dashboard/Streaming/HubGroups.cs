using System.Collections.Concurrent;
using System.Threading.Channels;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain;
using Callout.Dashboard.LiveBoard;
using Microsoft.AspNetCore.SignalR;

namespace Callout.Dashboard.Streaming;

/// <summary>
/// One SignalR group per distinct queue filter. Each group's view is computed once per change and sent to
/// all its members, so the cost of a change grows with the number of filters in use, not of clients.
/// Board changes arrive on the poller's thread and are handed to a background loop; a clock tick also
/// refreshes views whose time-dependent fields (overdue, awaiting data, recent window) moved.
/// </summary>
public sealed partial class HubGroups(Board board, SnapshotCache snapshots, IHubContext<BoardHub> hub, TimeProvider clock, ILogger<HubGroups> logger)
    : BackgroundService
{
    public const int MaxQueueKeys = 100;
    public const int MaxKeyLength = 200;
    public const int MaxGroups = 2_000;
    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<ViewKey, Group> _groups = new();
    private readonly ConcurrentDictionary<string, ViewKey> _membership = new(StringComparer.Ordinal);
    private readonly Channel<BoardDelta?> _changes = Channel.CreateUnbounded<BoardDelta?>(new UnboundedChannelOptions { SingleReader = true });

    public int GroupCount => _groups.Count;

    /// <summary>Joins the group of this filter and masking; the filter is already scoped to the caller's access.</summary>
    public async Task SubscribeAsync(string connectionId, QueueFilter filter, bool maskNumbers, ISingleClientProxy caller)
    {
        var key = new ViewKey(filter, maskNumbers);
        Leave(connectionId);
        if (!_groups.ContainsKey(key) && _groups.Count >= MaxGroups)
        {
            throw new HubException($"Too many different queue filters are in use on this server (limit {MaxGroups}).");
        }
        var group = _groups.GetOrAdd(key, k => new Group(k));
        await group.Lock.WaitAsync();
        try
        {
            group.Members++;
            _membership[connectionId] = key;
            group.Last ??= snapshots.Get(filter, maskNumbers);
            await hub.Groups.AddToGroupAsync(connectionId, group.Name);
            await caller.SendAsync("Snapshot", group.Last);
        }
        finally
        {
            group.Lock.Release();
        }
    }

    public void Leave(string connectionId)
    {
        if (_membership.TryRemove(connectionId, out var key) && _groups.TryGetValue(key, out var group) && Interlocked.Decrement(ref group.Members) <= 0)
        {
            _groups.TryRemove(key, out _);
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        board.Changed += OnBoardChanged;
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        board.Changed -= OnBoardChanged;
        _changes.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = TickAsync(stoppingToken);
        try
        {
            await foreach (var change in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                foreach (var group in _groups.Values.Where(g => change is null || change.Touches(g.Filter)))
                {
                    await SendDeltaAsync(group);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnBoardChanged(BoardDelta delta) => _changes.Writer.TryWrite(delta);

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(s_tick, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // Null means "every group": views move with the clock even when no row changes.
                _changes.Writer.TryWrite(null);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendDeltaAsync(Group group)
    {
        await group.Lock.WaitAsync();
        try
        {
            if (group.Last is null)
            {
                return;
            }
            var next = snapshots.Get(group.Filter, group.MaskNumbers);
            var delta = BoardDeltaMessage.Between(group.Last, next);
            if (delta.IsEmpty && next.Freshness == group.Last.Freshness)
            {
                return;
            }
            group.Last = next;
            await hub.Clients.Group(group.Name).SendAsync("Delta", delta);
        }
        catch (Exception ex)
        {
            LogSendFailed(ex, group.Name);
        }
        finally
        {
            group.Lock.Release();
        }
    }

    public static QueueFilter Validate(string[]? queueKeys)
    {
        var keys = queueKeys ?? [];
        if (keys.Length > MaxQueueKeys)
        {
            throw new HubException($"Subscribe takes at most {MaxQueueKeys} queue keys; got {keys.Length}.");
        }
        if (keys.Any(k => k?.Length > MaxKeyLength))
        {
            throw new HubException($"A queue key is at most {MaxKeyLength} characters long.");
        }
        return new QueueFilter(keys);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a board delta to hub group {Group} failed.")]
    private partial void LogSendFailed(Exception exception, string group);

    /// <summary>A SignalR group name of its own per view, never derived from the queue keys a caller sent.</summary>
    private sealed class Group(ViewKey view)
    {
        public string Name { get; } = "board:" + Guid.NewGuid().ToString("N");
        public QueueFilter Filter => view.Filter;
        public bool MaskNumbers => view.MaskNumbers;
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public BoardSnapshot? Last { get; set; }
        public int Members;
    }
}
