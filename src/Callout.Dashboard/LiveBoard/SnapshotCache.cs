using System.Collections.Concurrent;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain;
using Callout.Dashboard.Metrics;

namespace Callout.Dashboard.LiveBoard;

/// <summary>
/// One snapshot per queue filter, board version and second, shared by every page and hub group with that
/// filter: a thousand viewers of one filter cost one snapshot a second, not a thousand. Masked and
/// unmasked copies are cached apart. A new snapshot keeps the previous one's lists where their rows are
/// equal, so a page tells what changed by reference. Bounded: past <paramref name="maxEntries"/> views the half used
/// longest ago is dropped, so thousands of odd filters from one client cannot push out everybody's views at once.
/// The time each board snapshot takes to build goes to <paramref name="meter"/>, when there is one (not in tests of the cache alone).
/// </summary>
public sealed class SnapshotCache(Board board, TimeProvider clock, int maxEntries = 10_000, DashboardMeter? meter = null)
{
    private readonly ConcurrentDictionary<ViewKey, Entry> _entries = new();

    public int Count => _entries.Count;

    public BoardSnapshot Get(QueueFilter filter, bool maskNumbers)
    {
        var key = new ViewKey(filter, maskNumbers);
        var version = board.State.Version;
        var poll = board.State.Poll;
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version && entry.Second == second && ReferenceEquals(entry.Poll, poll))
        {
            return entry.Snapshot;
        }
        // Masked from the cached full snapshot: viewers of both kinds on one filter cost one board snapshot.
        var fresh = maskNumbers ? NumberMasking.Mask(Get(filter, maskNumbers: false)) : Build(filter);
        var snapshot = ReuseUnchanged(entry?.Snapshot, fresh);
        if (_entries.Count >= maxEntries)
        {
            // An entry is renewed every second it is used: the oldest second is the least recent use.
            foreach (var stale in _entries.OrderBy(e => e.Value.Second).Take(_entries.Count / 2).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }
        }
        _entries[key] = new Entry(version, second, poll, snapshot);
        return snapshot;
    }

    private BoardSnapshot Build(QueueFilter filter)
    {
        var started = clock.GetTimestamp();
        var snapshot = board.Snapshot(filter);
        meter?.SnapshotBuilt(clock.GetElapsedTime(started));
        return snapshot;
    }

    private static BoardSnapshot ReuseUnchanged(BoardSnapshot? previous, BoardSnapshot next) =>
        previous is null ? next : BoardLists.All.Aggregate(
            next with { Freshness = next.Freshness == previous.Freshness ? previous.Freshness : next.Freshness },
            (snapshot, list) => list.ReuseUnchanged(previous, snapshot));

    private sealed record Entry(long Version, long Second, PollStatus Poll, BoardSnapshot Snapshot);
}

/// <summary>What a viewer is shown: the queues and whether numbers are masked. Pages and hub groups key by it too.</summary>
public readonly record struct ViewKey(QueueFilter Filter, bool MaskNumbers);
