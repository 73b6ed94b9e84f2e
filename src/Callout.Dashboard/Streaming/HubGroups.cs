using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain;
using Callout.Dashboard.LiveBoard;
using Callout.Dashboard.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace Callout.Dashboard.Streaming;

/// <summary>
/// One group per distinct view (queue filter and masking). Each group's view is computed once per change and queued
/// for all its members (<see cref="HubConnections"/> sends it, never holding anyone up), so the cost of a change grows
/// with the number of views in use, not of clients. Board changes arrive on the poller's thread and are handed to a
/// background loop; a clock tick also refreshes views whose time-dependent fields (overdue, awaiting data, recent
/// window) moved.
/// </summary>
public sealed partial class HubGroups(Board board, SnapshotCache snapshots, HubConnections connections, TimeProvider clock, DashboardMeter meter,
    ILogger<HubGroups> logger)
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
    public async Task SubscribeAsync(string connectionId, QueueFilter filter, bool maskNumbers)
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
            _membership[connectionId] = key;
            group.Last ??= snapshots.Get(filter, maskNumbers);
            // Queued before the member joins, so the snapshot comes before any delta of this group.
            connections.Send(connectionId, "Snapshot", group.Last);
            group.Members[connectionId] = 0;
        }
        finally
        {
            group.Lock.Release();
        }
    }

    public void Leave(string connectionId)
    {
        if (_membership.TryRemove(connectionId, out var key) && _groups.TryGetValue(key, out var group)
            && group.Members.TryRemove(connectionId, out _) && group.Members.IsEmpty)
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
            // Serialized once for the whole group: a thousand members would otherwise each pay for it.
            var payload = JsonSerializer.SerializeToElement(delta, BoardJson.Options);
            var members = group.Members.Keys;
            foreach (var member in members)
            {
                connections.Send(member, "Delta", payload);
            }
            meter.DeltasSent(members.Count);
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

    /// <summary>A name of its own per view (for the log), never derived from the queue keys a caller sent.</summary>
    private sealed class Group(ViewKey view)
    {
        public string Name { get; } = "board:" + Guid.NewGuid().ToString("N");
        public ConcurrentDictionary<string, byte> Members { get; } = new(StringComparer.Ordinal);
        public QueueFilter Filter => view.Filter;
        public bool MaskNumbers => view.MaskNumbers;
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public BoardSnapshot? Last { get; set; }
    }
}
