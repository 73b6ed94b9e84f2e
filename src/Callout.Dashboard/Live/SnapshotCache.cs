using System.Collections.Concurrent;
using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Live;

/// <summary>
/// One snapshot per queue filter, board version and second, shared by every page and hub group with that
/// filter: a thousand viewers of one filter cost one snapshot a second, not a thousand. Masked and
/// unmasked copies are cached apart.
/// </summary>
public sealed class SnapshotCache(Board board, TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public BoardSnapshot Get(QueueFilter filter, bool maskNumbers)
    {
        var key = (maskNumbers ? "m:" : "u:") + Key(filter);
        var version = board.State.Version;
        var poll = board.State.Poll;
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version && entry.Second == second && ReferenceEquals(entry.Poll, poll))
        {
            return entry.Snapshot;
        }
        var snapshot = maskNumbers ? NumberMasking.Mask(board.Snapshot(filter)) : board.Snapshot(filter);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(version, second, poll, snapshot);
        return snapshot;
    }

    public static string Key(QueueFilter filter) => filter.IsAll ? "*" : string.Join('\n', filter.Keys.Order(StringComparer.Ordinal));

    private sealed record Entry(long Version, long Second, PollStatus Poll, BoardSnapshot Snapshot);
}
