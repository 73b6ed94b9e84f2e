using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Domain.Alarms;

/// <summary>
/// Turns each moment's conditions into alarms that last: an alarm keeps its start while its rule still finds it (the
/// rows' own time where they tell, else when it was first seen), and today's log keeps when each began and ended and
/// the worst it got. One writer (the board, under its lock).
/// </summary>
public sealed class AlarmTracker
{
    /// <summary>Enough for a bad day of a large centre; past it the oldest ended entries go first.</summary>
    public const int MaxLogEntries = 5_000;

    private readonly Dictionary<string, AlarmCondition> _firstSeen = [];
    private readonly List<Logged> _log = [];
    private readonly Dictionary<string, Logged> _open = [];

    /// <summary>The alarms on now, worst and oldest first, and today's log, oldest first; null when neither changed.</summary>
    public (IReadOnlyList<AlarmView> Active, IReadOnlyList<AlarmLogEntry> Log)? Update(
        IReadOnlyList<AlarmCondition> conditions, BoardRules rules, DateTime now, IReadOnlyList<AlarmView> previous)
    {
        var logChanged = ForgetBefore(now.Date);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var active = new List<AlarmView>(conditions.Count);
        foreach (var condition in conditions)
        {
            var id = condition.Id;
            if (!seen.Add(id))
            {
                continue;
            }
            // An alarm that stays on keeps its start: the rows may later put the crossing later (the oldest failed leg
            // left the window while three remain, a failing poll came back with old data), yet it has needed
            // attention without a break since then. An earlier crossing (rows that landed late) moves it back.
            if (!_firstSeen.TryGetValue(id, out var first) || condition.Since < first.Since)
            {
                first = condition with { Since = condition.Since ?? now };
                _firstSeen[id] = first;
            }
            var since = first.Since!.Value;
            active.Add(View(condition, id, rules.WithOffset(since)));
            logChanged |= Log(condition, id, since);
        }
        foreach (var gone in _firstSeen.Keys.Where(id => !seen.Contains(id)).ToList())
        {
            _firstSeen.Remove(gone);
            if (_open.Remove(gone, out var entry))
            {
                entry.End = now;
                logChanged = true;
            }
        }

        var ordered = active.OrderByDescending(a => a.Level).ThenBy(a => a.Since).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        if (!logChanged && ordered.SequenceEqual(previous))
        {
            return null;
        }
        return (ordered, [.. _log.Select(l => l.ToEntry(rules))]);
    }

    private bool Log(AlarmCondition condition, string id, DateTime since)
    {
        if (!_open.TryGetValue(id, out var entry))
        {
            entry = new Logged(condition, since);
            _open[id] = entry;
            _log.Add(entry);
            Trim();
            return true;
        }
        var movedBack = since < entry.Start;
        entry.Start = movedBack ? since : entry.Start;
        var worse = condition.Level > entry.Peak.Level
            || (condition.Level == entry.Peak.Level && (condition.HigherIsWorse ? condition.Value > entry.Peak.Value : condition.Value < entry.Peak.Value));
        if (worse)
        {
            entry.Peak = condition;
        }
        return worse || movedBack;
    }

    /// <summary>The log is today's: entries that ended before local midnight go.</summary>
    private bool ForgetBefore(DateTime today) => _log.RemoveAll(l => l.End < today) > 0;

    private void Trim()
    {
        while (_log.Count > MaxLogEntries && _log.FindIndex(l => l.End is not null) is var oldest and >= 0)
        {
            _log.RemoveAt(oldest);
        }
    }

    private static AlarmView View(AlarmCondition c, string id, DateTimeOffset since) =>
        new(id, c.Rule, c.Level, since, c.Value, c.Threshold, c.Unit, c.QueueKey, c.AgentId, CallIdOf(c), c.PauseType);

    private static string? CallIdOf(AlarmCondition c) => c.CallId?.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Logged(AlarmCondition first, DateTime start)
    {
        public AlarmCondition Peak { get; set; } = first;

        public DateTime Start { get; set; } = start;

        public DateTime? End { get; set; }

        public AlarmLogEntry ToEntry(BoardRules rules) =>
            new(Peak.Id, Peak.Rule, rules.WithOffset(Start), End is { } end ? rules.WithOffset(end) : null, Peak.Level, Peak.Value, Peak.Threshold, Peak.Unit,
                Peak.QueueKey, Peak.AgentId, CallIdOf(Peak), Peak.PauseType);
    }
}
