using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Domain;

/// <summary>
/// What the callouts say of their agents (§9.3): "If the agent Calls out while in status Pause, the pause will be aborted
/// (a Return from pause event is created)", which may land after the call; "If Pause is clicked while connected, the agent
/// will be in status [Connected and Pause]". So a pause that began after an open callout was ordered is
/// Connected-and-Pause, and a callout the agent ordered after the pause began ended that pause. Pause clicked in wrap-up
/// looks like Connected-and-Pause until the call's rows land. Fed every callout of the board, whatever a viewer filters:
/// an agent's state does not depend on the queues a viewer picked.
/// </summary>
public sealed class AgentActivities(BoardRules rules, DateTime now)
{
    private readonly Dictionary<int, CalloutFacts> _firstOpen = [];
    private readonly Dictionary<int, CalloutFacts> _latestOpen = [];
    private readonly Dictionary<int, DateTime> _lastCalledOut = [];
    private readonly Dictionary<int, DateTime> _lastEnded = [];

    public static AgentActivities Of(BoardState state, BoardRules rules, DateTime now)
    {
        var activities = new AgentActivities(rules, now);
        // The calls a snapshot feeds in: one ordered days ahead is a bad row, which no view lists.
        foreach (var call in state.Calls.Values.Where(c => c.Kind == CallKind.Callout && c.OrderedAt <= now.AddDays(1)))
        {
            activities.Add(call);
        }
        return activities;
    }

    public void Add(CalloutFacts call)
    {
        if (call.AgentId is not int agent || call.Phase == CalloutPhase.Scheduled)
        {
            return;
        }
        if (call.Phase == CalloutPhase.InProgress && rules.Elapsed(call.OrderedAt, now) <= rules.InProgressLimit)
        {
            Keep(_firstOpen, agent, call, (kept, next) => next.OrderedAt < kept.OrderedAt);
            Keep(_latestOpen, agent, call, (kept, next) => next.OrderedAt > kept.OrderedAt);
        }
        // A deleted call was never made (§9.1): its 'd' is no call of the agent's that ended.
        if (call.Phase != CalloutPhase.Deleted && call.EndedAt is { } ended && ended <= now)
        {
            _lastEnded[agent] = _lastEnded.TryGetValue(agent, out var last) && last > ended ? last : ended;
        }
        // A scheduled call is given to a Ready agent at its time, not ordered from the pause of the one who takes it.
        var calledOutHimself = !call.Scheduled && (call.OrderedByAgentId is null || call.OrderedByAgentId == agent);
        if (calledOutHimself && call.Phase != CalloutPhase.Deleted)
        {
            _lastCalledOut[agent] = _lastCalledOut.TryGetValue(agent, out var last) && last > call.OrderedAt ? last : call.OrderedAt;
        }
    }

    /// <summary>The agent's status as the callouts correct it.</summary>
    public (AgentPresence Presence, string? PauseType, DateTime Since, bool ConnectedAndPause) StatusOf(AgentStatus agent)
    {
        if (agent.Presence != AgentPresence.Paused)
        {
            return (agent.Presence, agent.PauseType, agent.Since, false);
        }
        if (_lastCalledOut.TryGetValue(agent.AgentId, out var calledOut) && calledOut > agent.Since)
        {
            return (AgentPresence.LoggedOn, null, calledOut, false);
        }
        var connected = _firstOpen.TryGetValue(agent.AgentId, out var open) && open.OrderedAt < agent.Since;
        return (agent.Presence, agent.PauseType, agent.Since, connected);
    }

    /// <summary>What the agent does now: on a callout, Connected-and-Pause, paused, free since the last call ended, or logged off.</summary>
    public AgentActivity ActivityOf(AgentStatus agent)
    {
        var (_, pauseType, since, _) = StatusOf(agent);
        var id = agent.AgentId;
        return StateOf(agent) switch
        {
            ActivityState.LoggedOff => new AgentActivity(ActivityState.LoggedOff, rules.WithOffset(since)),
            ActivityState.ConnectedAndPause => new AgentActivity(ActivityState.ConnectedAndPause, rules.WithOffset(since),
                _firstOpen[id].QueueKey, CallIdText(_firstOpen[id]), pauseType),
            ActivityState.Paused => new AgentActivity(ActivityState.Paused, rules.WithOffset(since), PauseType: pauseType),
            ActivityState.OnCallout => new AgentActivity(ActivityState.OnCallout, rules.WithOffset(_latestOpen[id].OrderedAt), _latestOpen[id].QueueKey, CallIdText(_latestOpen[id])),
            _ => new AgentActivity(ActivityState.Free, rules.WithOffset(_lastEnded.TryGetValue(id, out var ended) && ended > since ? ended : since)),
        };
    }

    /// <summary>
    /// What each agent of <paramref name="state"/> does now, by id, worked out once per agent (every queue's figures ask
    /// for the same agents); one the board has no status of is logged off.
    /// </summary>
    public Func<int, ActivityState> StateOf(BoardState state)
    {
        var known = new Dictionary<int, ActivityState>();
        return id =>
        {
            if (!known.TryGetValue(id, out var activity))
            {
                activity = state.AgentStatuses.TryGetValue(id, out var status) ? StateOf(status) : ActivityState.LoggedOff;
                known[id] = activity;
            }
            return activity;
        };
    }

    /// <summary>What the agent does now, without the times <see cref="ActivityOf"/> formats.</summary>
    private ActivityState StateOf(AgentStatus agent)
    {
        var (presence, _, _, connectedAndPause) = StatusOf(agent);
        return presence switch
        {
            AgentPresence.LoggedOff => ActivityState.LoggedOff,
            AgentPresence.Paused => connectedAndPause ? ActivityState.ConnectedAndPause : ActivityState.Paused,
            _ => _latestOpen.ContainsKey(agent.AgentId) ? ActivityState.OnCallout : ActivityState.Free,
        };
    }

    public static string CallIdText(CalloutFacts call) => call.CallId.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static void Keep(Dictionary<int, CalloutFacts> kept, int agent, CalloutFacts call, Func<CalloutFacts, CalloutFacts, bool> better)
    {
        if (!kept.TryGetValue(agent, out var current) || better(current, call))
        {
            kept[agent] = call;
        }
    }
}
