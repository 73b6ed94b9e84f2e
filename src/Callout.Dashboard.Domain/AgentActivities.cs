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
        var (presence, pauseType, since, connectedAndPause) = StatusOf(agent);
        var id = agent.AgentId;
        return presence switch
        {
            AgentPresence.LoggedOff => new AgentActivity(ActivityState.LoggedOff, rules.WithOffset(since)),
            AgentPresence.Paused when connectedAndPause => new AgentActivity(ActivityState.ConnectedAndPause, rules.WithOffset(since),
                _firstOpen[id].QueueKey, CallIdText(_firstOpen[id]), pauseType),
            AgentPresence.Paused => new AgentActivity(ActivityState.Paused, rules.WithOffset(since), PauseType: pauseType),
            _ when _latestOpen.TryGetValue(id, out var call) => new AgentActivity(ActivityState.OnCallout, rules.WithOffset(call.OrderedAt), call.QueueKey, CallIdText(call)),
            _ => new AgentActivity(ActivityState.Free, rules.WithOffset(_lastEnded.TryGetValue(id, out var ended) && ended > since ? ended : since)),
        };
    }

    /// <summary>What each agent of <paramref name="state"/> does now, by id; one the board has no status of is logged off.</summary>
    public Func<int, ActivityState> StateOf(BoardState state) =>
        id => state.AgentStatuses.TryGetValue(id, out var status) ? ActivityOf(status).State : ActivityState.LoggedOff;

    public static string CallIdText(CalloutFacts call) => call.CallId.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static void Keep(Dictionary<int, CalloutFacts> kept, int agent, CalloutFacts call, Func<CalloutFacts, CalloutFacts, bool> better)
    {
        if (!kept.TryGetValue(agent, out var current) || better(current, call))
        {
            kept[agent] = call;
        }
    }
}
