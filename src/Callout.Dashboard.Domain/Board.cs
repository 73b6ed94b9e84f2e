using System.Collections.Immutable;
using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain.Alarms;

namespace Callout.Dashboard.Domain;

/// <summary>
/// The live state engine: folds Raw data rows into callout and agent states. One writer (the poller)
/// applies batches; any number of readers take <see cref="State"/> or a <see cref="Snapshot"/>.
/// </summary>
public sealed class Board(BoardRules rules, TimeProvider clock)
{
    private readonly CallClassifier _classifier = new(rules);
    private readonly Lock _writeLock = new();
    // Today's status events per agent, deduplicated: the writer's working set behind AgentStatuses.
    private readonly Dictionary<int, HashSet<AgentEventRow>> _agentEvents = [];
    private readonly AlarmTracker _alarms = new();
    private volatile BoardState _state = BoardState.Empty;

    public BoardRules Rules => rules;

    public BoardState State => _state;

    /// <summary>Raised after a batch that changed something, on the writer's thread.</summary>
    public event Action<BoardDelta>? Changed;

    public ApplyResult Apply(PollBatch batch)
    {
        var anomalies = new List<RowAnomaly>();
        BoardDelta? delta;
        lock (_writeLock)
        {
            var old = _state;
            ReportFutureRows(batch.CallRows, rules.LocalNow(clock), anomalies);
            var calls = old.Calls.ToBuilder();
            var changedCalls = new List<CalloutFacts>();
            var removedCalls = new List<decimal>();
            var queueKeys = new HashSet<string>(StringComparer.Ordinal);

            // Puzzel rewrites every row of a call when a later session lands: each call seen is replaced whole.
            foreach (var call in batch.CallRows.GroupBy(r => r.CallId))
            {
                var rows = Deduplicate(call.Key, call, anomalies);
                var facts = _classifier.Classify(rows, anomalies);
                calls.TryGetValue(call.Key, out var previous);
                if (facts == previous)
                {
                    continue;
                }
                if (facts is null)
                {
                    calls.Remove(call.Key);
                    removedCalls.Add(call.Key);
                }
                else
                {
                    calls[call.Key] = facts;
                    changedCalls.Add(facts);
                }
                AddQueue(queueKeys, previous?.QueueKey);
                AddQueue(queueKeys, facts?.QueueKey);
            }

            var statuses = old.AgentStatuses.ToBuilder();
            var changedAgents = FoldAgentEvents(batch.AgentEvents, statuses);
            var agentNames = batch.Agents is null ? old.AgentNames : batch.Agents.GroupBy(a => a.AgentId).ToImmutableDictionary(g => g.Key, g => g.Last());
            var queues = batch.Queues is null ? old.Queues : batch.Queues.Where(q => !string.IsNullOrEmpty(q.QueueKey)).GroupBy(q => q.QueueKey, StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            var lookupsChanged = !SameEntries(agentNames, old.AgentNames) || !SameEntries(queues, old.Queues);

            var newest = Max(old.NewestRowAt, batch.NewestRowAt ?? Max(batch.CallRows.Max(r => r.DteUpdated), batch.AgentEvents.Max(r => r.DteUpdated)));
            var next = WithAlarms(old with
            {
                Calls = calls.ToImmutable(),
                AgentStatuses = statuses.ToImmutable(),
                AgentNames = agentNames,
                Queues = queues,
                NewestRowAt = newest,
            }, queueKeys, out var alarmsChanged, out var unqueued);
            var changed = changedCalls.Count > 0 || removedCalls.Count > 0 || changedAgents.Count > 0 || lookupsChanged || alarmsChanged;
            var version = changed ? old.Version + 1 : old.Version;
            _state = next with { Version = version };
            delta = changed ? new BoardDelta(version, changedCalls, removedCalls, changedAgents, queueKeys, lookupsChanged, unqueued) : null;
        }

        if (delta is not null)
        {
            Changed?.Invoke(delta);
        }
        return new ApplyResult(delta, anomalies);
    }

    /// <summary>
    /// Applies the alarm rules at this moment: the clock alone moves a call past its due time or a pause past its limit.
    /// Called every second by one loop per server; a change is a new version like any other.
    /// </summary>
    public BoardDelta? EvaluateAlarms()
    {
        BoardDelta delta;
        lock (_writeLock)
        {
            var queues = new HashSet<string>(StringComparer.Ordinal);
            var next = WithAlarms(_state, queues, out var changed, out var unqueued);
            if (!changed)
            {
                return null;
            }
            var version = next.Version + 1;
            _state = next with { Version = version };
            delta = new BoardDelta(version, [], [], [], queues, false, unqueued);
        }
        Changed?.Invoke(delta);
        return delta;
    }


    /// <summary>
    /// The state with the alarms of this moment. The queues of alarms that came, went or changed go to
    /// <paramref name="queueKeys"/>; <paramref name="unqueued"/> tells of an agent's or the whole board's.
    /// </summary>
    private BoardState WithAlarms(BoardState state, HashSet<string> queueKeys, out bool changed, out bool unqueued)
    {
        var now = rules.LocalNow(clock);
        var update = _alarms.Update(AlarmEvaluator.Evaluate(state, rules, now), rules, now, state.Alarms);
        changed = update is not null;
        unqueued = false;
        if (update is not { } u)
        {
            return state;
        }
        var before = state.Alarms.ToHashSet();
        foreach (var alarm in u.Active.Where(a => !before.Remove(a)).Concat(before))
        {
            // As AlarmVisibility: an alarm naming a queue shows only in that queue's views, whatever agent it also
            // names (a call's, an agent not reached in it), so only those views need to hear of it.
            if (alarm.QueueKey is { } key)
            {
                queueKeys.Add(key);
            }
            else
            {
                unqueued = true;
            }
        }
        return state with { Alarms = u.Active, AlarmLog = u.Log };
    }

    /// <summary>How the poll went; the data-age alarm follows at once (a failing poll is one).</summary>
    public void RecordPoll(bool ok, string? error = null, string? detail = null)
    {
        BoardDelta? delta = null;
        lock (_writeLock)
        {
            var now = clock.GetUtcNow();
            var old = _state.Poll;
            var queues = new HashSet<string>(StringComparer.Ordinal);
            var next = WithAlarms(_state with
            {
                Poll = ok
                    ? new PollStatus(now, true, null, null)
                    : new PollStatus(now, false, old.LastPollOk || old.FailingSince is null ? now : old.FailingSince, error, detail ?? error),
            }, queues, out var alarmsChanged, out var unqueued);
            if (alarmsChanged)
            {
                next = next with { Version = next.Version + 1 };
                delta = new BoardDelta(next.Version, [], [], [], queues, false, unqueued);
            }
            _state = next;
        }
        if (delta is not null)
        {
            Changed?.Invoke(delta);
        }
    }

    /// <summary>
    /// Forgets what no view shows any more: finished calls from before today that are out of the recent
    /// window, and agents who logged off before today. Pending scheduled calls stay until their rows change.
    /// </summary>
    public int Prune()
    {
        BoardDelta delta;
        lock (_writeLock)
        {
            var now = rules.LocalNow(clock);
            var keepFrom = rules.KeepFinishedFrom(now);
            var staleOpenFrom = rules.KeepOpenFrom(now);
            var old = _state;
            var stale = old.Calls.Values.Where(c => c.Phase switch
            {
                CalloutPhase.Scheduled => false,
                CalloutPhase.InProgress => c.OrderedAt < staleOpenFrom,
                _ => (c.EndedAt ?? c.OrderedAt) < keepFrom,
            }).Select(c => c.CallId).ToList();
            var goneAgents = old.AgentStatuses.Values.Where(a => a.Presence == AgentPresence.LoggedOff && a.Since < now.Date).Select(a => a.AgentId).ToList();
            foreach (var agentId in goneAgents)
            {
                _agentEvents.Remove(agentId);
            }
            foreach (var events in _agentEvents.Values)
            {
                // Only the latest two status events decide a status (log on in pause); older ones of past days can go.
                events.RemoveWhere(e => e.DteStart < now.Date.AddDays(-1));
            }
            if (stale.Count + goneAgents.Count == 0)
            {
                return 0;
            }
            var version = old.Version + 1;
            _state = old with { Version = version, Calls = old.Calls.RemoveRange(stale), AgentStatuses = old.AgentStatuses.RemoveRange(goneAgents) };
            delta = new BoardDelta(version, [], stale, goneAgents, stale.Select(id => old.Calls[id].QueueKey).OfType<string>().ToHashSet(StringComparer.Ordinal), false);
        }
        Changed?.Invoke(delta);
        return delta.RemovedCallIds.Count + delta.ChangedAgentIds.Count;
    }

    public BoardSnapshot Snapshot(QueueFilter filter) =>
        SnapshotBuilder.Build(_state, rules, rules.LocalNow(clock), filter, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), rules.TimeZone));

    /// <summary>Puzzel writes rows after the fact, so a start time days ahead of now is a bad row.</summary>
    private static void ReportFutureRows(IEnumerable<CallEventRow> rows, DateTime now, List<RowAnomaly> anomalies)
    {
        foreach (var row in rows.Where(r => r.DteStart > now.AddDays(1)))
        {
            anomalies.Add(new RowAnomaly(RowAnomaly.ImplausibleDate, $"call_id {row.CallId} rec_id {row.RecId}: dte_start {row.DteStart:yyyy-MM-dd} is in the future"));
        }
    }

    private static List<CallEventRow> Deduplicate(decimal callId, IEnumerable<CallEventRow> rows, List<RowAnomaly> anomalies)
    {
        var list = rows.ToList();
        var recIds = new HashSet<long>(list.Count);
        if (list.TrueForAll(r => recIds.Add(r.RecId)))
        {
            // The usual case: rec_ids are unique, nothing to merge.
            return list;
        }
        var byRecId = list.GroupBy(r => r.RecId).ToList();
        foreach (var twin in byRecId.Where(g => g.Distinct().Count() > 1))
        {
            anomalies.Add(new RowAnomaly(RowAnomaly.DuplicateRecId, $"call_id {callId} rec_id {twin.Key}: differing rows, the newest kept"));
        }
        return byRecId.Select(g => g.MaxBy(r => r.DteUpdated)!).ToList();
    }

    private List<int> FoldAgentEvents(IReadOnlyList<AgentEventRow> rows, ImmutableDictionary<int, AgentStatus>.Builder statuses)
    {
        var changed = new List<int>();
        foreach (var agent in rows.Where(AgentStatusRules.IsStatusEvent).GroupBy(r => r.AgentId))
        {
            if (!_agentEvents.TryGetValue(agent.Key, out var known))
            {
                known = new HashSet<AgentEventRow>(AgentEventIdentity.Instance);
                _agentEvents[agent.Key] = known;
            }
            if (!agent.Aggregate(false, (added, e) => known.Add(e) | added))
            {
                continue;
            }
            var status = AgentStatusRules.Derive(agent.Key, known);
            statuses.TryGetValue(agent.Key, out var previous);
            if (status is not null && status != previous)
            {
                statuses[agent.Key] = status;
                changed.Add(agent.Key);
            }
        }
        return changed;
    }

    private static void AddQueue(HashSet<string> keys, string? key)
    {
        if (!string.IsNullOrEmpty(key))
        {
            keys.Add(key);
        }
    }

    private static bool SameEntries<TKey, TValue>(ImmutableDictionary<TKey, TValue> a, ImmutableDictionary<TKey, TValue> b)
        where TKey : notnull =>
        ReferenceEquals(a, b) || (a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && Equals(v, kv.Value)));

    private static DateTime? Max(params DateTime?[] values) => values.Where(v => v is not null).DefaultIfEmpty().Max();

    /// <summary>Status events are never rewritten, so agent, type and start identify one; rec_id may differ across reloads.</summary>
    private sealed class AgentEventIdentity : IEqualityComparer<AgentEventRow>
    {
        public static readonly AgentEventIdentity Instance = new();

        public bool Equals(AgentEventRow? x, AgentEventRow? y) =>
            x is not null && y is not null && x.AgentId == y.AgentId && x.DteStart == y.DteStart
            && PuzzelCodes.Normalize(x.EventType) == PuzzelCodes.Normalize(y.EventType);

        public int GetHashCode(AgentEventRow obj) => HashCode.Combine(obj.AgentId, obj.DteStart, PuzzelCodes.Normalize(obj.EventType));
    }
}
