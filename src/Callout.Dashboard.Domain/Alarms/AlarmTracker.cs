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
            if (!_firstSeen.ContainsKey(id))
            {
                _firstSeen[id] = condition with { Since = condition.Since ?? now };
            }
            var since = condition.Since ?? _firstSeen[id].Since!.Value;
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
        var worse = condition.Level > entry.Peak.Level
            || (condition.Level == entry.Peak.Level && (condition.HigherIsWorse ? condition.Value > entry.Peak.Value : condition.Value < entry.Peak.Value));
        if (worse)
        {
            entry.Peak = condition;
        }
        return worse;
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

        public DateTime? End { get; set; }

        public AlarmLogEntry ToEntry(BoardRules rules) =>
            new(Peak.Id, Peak.Rule, rules.WithOffset(start), End is { } end ? rules.WithOffset(end) : null, Peak.Level, Peak.Value, Peak.Threshold, Peak.Unit,
                Peak.QueueKey, Peak.AgentId, CallIdOf(Peak), Peak.PauseType);
    }
}
