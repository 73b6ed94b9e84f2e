using Callout.Dashboard.Contracts;
using Callout.Dashboard.Domain.Today;

namespace Callout.Dashboard.Domain.Alarms;

/// <summary>
/// Applies every alarm rule to a board state at one moment. Pure: the same state and clock give the same conditions,
/// so the board computes them once per change and tick for all viewers.
/// </summary>
public static class AlarmEvaluator
{
    public static List<AlarmCondition> Evaluate(BoardState state, BoardRules rules, DateTime now)
    {
        var alarms = rules.Alarms;
        var found = new List<AlarmCondition>();
        var queues = new Dictionary<string, QueueCounts>(StringComparer.Ordinal);
        var hourAgo = rules.Ago(now, TimeSpan.FromHours(1));
        var legsFrom = rules.Ago(now, alarms.AgentNotReachable.Within);
        var legs = new Dictionary<int, List<(AgentLeg Leg, string? QueueKey)>>();
        var dueSoon = new DueSoonCounter(rules, now);
        var activities = AgentActivities.Of(state, rules, now);

        foreach (var call in state.Calls.Values)
        {
            if (call.Kind != CallKind.Callout || call.QueueKey is null || call.OrderedAt > now.AddDays(1))
            {
                continue;
            }
            var queueRules = alarms.For(call.QueueKey);
            var counts = Counts(queues, call.QueueKey);
            dueSoon.Add(counts.Due, call);
            foreach (var leg in call.AgentLegs.Span)
            {
                if (leg.At >= legsFrom && leg.At <= now)
                {
                    LegsOf(legs, leg.AgentId).Add((leg, call.QueueKey));
                }
            }
            switch (call.Phase)
            {
                case CalloutPhase.Scheduled when call.DueAt is { } due && now > due:
                    counts.Overdue++;
                    Duration(found, AlarmRule.ScheduledOverdue, queueRules.ScheduledOverdue, rules, due, now, call.QueueKey, call.AgentId, call.CallId);
                    break;
                case CalloutPhase.InProgress:
                    Duration(found, AlarmRule.OpenCallout, queueRules.OpenCallout, rules, call.OrderedAt, now, call.QueueKey, call.AgentId, call.CallId);
                    break;
                // A callout whose agent was never reached dialled no destination: it has no say in the answer rates (the
                // agent-not-reachable rule covers it), but it did end in the hour, so it counts towards the cancelled share.
                case CalloutPhase.Completed when call.EndedAt is { } ended && ended <= now && call.Outcome == CalloutOutcome.AgentNotReached:
                    counts.NotReachedHour += ended >= hourAgo ? 1 : 0;
                    break;
                case CalloutPhase.Completed when call.EndedAt is { } ended && ended <= now:
                    counts.Add(ended >= hourAgo, ended >= now.Date, call.Outcome == CalloutOutcome.Answered);
                    break;
                case CalloutPhase.Cancelled or CalloutPhase.Deleted when (call.EndedAt ?? call.OrderedAt) is var at && at >= hourAgo && at <= now:
                    counts.CancelledHour++;
                    break;
            }
        }

        var activityOf = activities.StateOf(state);
        foreach (var (key, counts) in queues)
        {
            var queueRules = alarms.For(key);
            if (queueRules.OverdueCount.AtLeast(counts.Overdue) is { } level)
            {
                found.Add(new(AlarmRule.OverdueCount, level, counts.Overdue, queueRules.OverdueCount.For(level), AlarmUnit.Count, null, key));
            }
            Rate(found, AlarmRule.AnswerRateHour, queueRules.AnswerRateHour, counts.AnsweredHour, counts.CompletedHour, lowIsBad: true, key);
            Rate(found, AlarmRule.AnswerRateToday, queueRules.AnswerRateToday, counts.AnsweredToday, counts.CompletedToday, lowIsBad: true, key);
            Rate(found, AlarmRule.CancelledShareHour, queueRules.CancelledShareHour, counts.CancelledHour, counts.CompletedHour + counts.NotReachedHour + counts.CancelledHour, lowIsBad: false, key);
            Understaffed(found, queueRules.DueSoon, dueSoon, counts.Due, activityOf, key);
        }

        Agents(found, state, rules, now, activities);
        foreach (var (agent, agentLegs) in legs)
        {
            NotReachable(found, alarms.AgentNotReachable, agent, agentLegs);
        }
        DataAge(found, state, rules, now);
        return found;
    }

    /// <summary>More scheduled calls falling due soon than free agents of the queue to take them.</summary>
    private static void Understaffed(List<AlarmCondition> found, DueSoonRule rule, DueSoonCounter dueSoon, DueSoonCounter.Tally queue, Func<int, ActivityState> activityOf, string key)
    {
        if (!rule.Enabled)
        {
            return;
        }
        var due = dueSoon.DueWithin(queue, rule.Window);
        var free = DueSoonCounter.FreeAgents(queue, activityOf);
        if (due > free)
        {
            found.Add(new(AlarmRule.DueSoon, AlarmLevel.Warning, due, free, AlarmUnit.Count, null, key));
        }
    }

    private static void Agents(List<AlarmCondition> found, BoardState state, BoardRules rules, DateTime now, AgentActivities activities)
    {
        foreach (var agent in state.AgentStatuses.Values.Where(a => a.Presence == AgentPresence.Paused))
        {
            var (presence, pauseType, since, connectedAndPause) = activities.StatusOf(agent);
            if (presence != AgentPresence.Paused)
            {
                continue;
            }
            if (connectedAndPause)
            {
                Duration(found, AlarmRule.ConnectedAndPause, rules.Alarms.ConnectedAndPause, rules, since, now, agentId: agent.AgentId, pauseType: pauseType);
            }
            else
            {
                Duration(found, AlarmRule.LongPause, rules.Alarms.PauseFor(pauseType), rules, since, now, agentId: agent.AgentId, pauseType: pauseType);
            }
        }
    }

    /// <summary>The failed legs since the agent's phone last rang: a wrong number or a broken line fails every one.</summary>
    private static void NotReachable(List<AlarmCondition> found, LegFailureThreshold rule, int agent, List<(AgentLeg Leg, string? QueueKey)> legs)
    {
        var ordered = legs.OrderBy(l => l.Leg.At).ToList();
        var failures = ordered.Skip(ordered.FindLastIndex(l => l.Leg.Reached) + 1).ToList();
        if (rule.Levels.AtLeast(failures.Count) is { } level)
        {
            found.Add(new(AlarmRule.AgentNotReachable, level, failures.Count, rule.Levels.For(level), AlarmUnit.Count,
                failures[rule.Warning - 1].Leg.At, failures[^1].QueueKey, agent));
        }
    }

    /// <summary>A failing poll is an alarm at once; otherwise the age of the newest row is judged.</summary>
    private static void DataAge(List<AlarmCondition> found, BoardState state, BoardRules rules, DateTime now)
    {
        var rule = rules.Alarms.DataAge;
        if (!rule.Enabled || state.Poll.LastPollAt is null)
        {
            return;
        }
        if (!state.Poll.LastPollOk)
        {
            var failingSince = state.Poll.FailingSince is { } at ? rules.ToLocal(at) : now;
            var age = state.NewestRowAt is { } newest ? rules.Elapsed(newest, now) : rules.Elapsed(failingSince, now);
            found.Add(new(AlarmRule.DataAge, AlarmLevel.Alarm, Minutes(age), rule.Alarm.TotalSeconds, AlarmUnit.Seconds, failingSince));
            return;
        }
        if (state.NewestRowAt is { } newestRow)
        {
            Duration(found, AlarmRule.DataAge, rule, rules, newestRow, now);
        }
    }

    private static void Duration(List<AlarmCondition> found, AlarmRule alarm, Threshold<TimeSpan> rule, BoardRules rules, DateTime from, DateTime now,
        string? queueKey = null, int? agentId = null, decimal? callId = null, string? pauseType = null)
    {
        var elapsed = rules.Elapsed(from, now);
        if (rule.Above(elapsed) is { } level)
        {
            found.Add(new(alarm, level, Minutes(elapsed), rule.For(level).TotalSeconds, AlarmUnit.Seconds, rules.AddElapsed(from, rule.Warning.TotalSeconds),
                queueKey, agentId, callId, pauseType));
        }
    }

    private static void Rate(List<AlarmCondition> found, AlarmRule alarm, RateThreshold rule, int part, int whole, bool lowIsBad, string queueKey)
    {
        if (whole == 0 || whole < rule.MinCompleted)
        {
            return;
        }
        var percent = Math.Round(100.0 * part / whole, 1);
        if ((lowIsBad ? rule.Levels.Below(percent) : rule.Levels.Above(percent)) is { } level)
        {
            found.Add(new(alarm, level, percent, rule.Levels.For(level), AlarmUnit.Percent, null, queueKey));
        }
    }

    /// <summary>Whole minutes, in seconds: the value moves once a minute, so an alarm's entry does not change at every tick.</summary>
    private static double Minutes(TimeSpan span) => Math.Floor(span.TotalMinutes) * 60;

    private static QueueCounts Counts(Dictionary<string, QueueCounts> queues, string key)
    {
        if (!queues.TryGetValue(key, out var counts))
        {
            counts = new QueueCounts();
            queues[key] = counts;
        }
        return counts;
    }

    private static List<(AgentLeg, string?)> LegsOf(Dictionary<int, List<(AgentLeg, string?)>> legs, int agent)
    {
        if (!legs.TryGetValue(agent, out var list))
        {
            list = [];
            legs[agent] = list;
        }
        return list;
    }

    private sealed class QueueCounts
    {
        public readonly DueSoonCounter.Tally Due = new();
        public int Overdue;
        public int CompletedHour;
        public int NotReachedHour;
        public int AnsweredHour;
        public int CancelledHour;
        public int CompletedToday;
        public int AnsweredToday;

        public void Add(bool inHour, bool today, bool answered)
        {
            CompletedHour += inHour ? 1 : 0;
            AnsweredHour += inHour && answered ? 1 : 0;
            CompletedToday += today ? 1 : 0;
            AnsweredToday += today && answered ? 1 : 0;
        }
    }
}
