using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Simulator;

/// <summary>
/// Deterministic Puzzel callout traffic. Time is the Raw data wall clock; <see cref="Advance"/> runs the
/// simulated centre up to a moment and returns what Puzzel would have written by then, in the order it
/// became visible. The same seed, profile and start give the same writes.
/// </summary>
public sealed partial class TrafficGenerator
{
    private readonly CentreProfile _profile;
    private readonly Random _rng;
    private readonly CallScripts _scripts;
    private readonly Dictionary<int, AgentSim> _agents;
    private readonly PriorityQueue<Action<DateTime>, (DateTime, long)> _actions = new();
    private readonly PriorityQueue<RawDataWrite, (DateTime, long)> _writes = new();
    private readonly List<WaitingCall> _waiting = [];
    private long _sequence;
    private DateTime _nextArrival;

    public TrafficGenerator(CentreProfile profile, int seed, DateTime start)
    {
        _profile = profile;
        _rng = new Random(seed);
        _scripts = new CallScripts(profile, _rng);
        _agents = profile.Agents.ToDictionary(a => a.AgentId, a => new AgentSim(a));
        _nextArrival = start + NextGap();
        foreach (var agent in _agents.Values)
        {
            // The centre was already running: each agent is somewhere in a shift, so the first ones end at any time.
            var shiftLeft = Seconds(1800, 8 * 3600);
            At(start + Seconds(0, 600), t => LogOn(agent, t, shiftLeft));
        }
        PlanSituations(start);
        if (profile.FirstLook is { } look)
        {
            StageFirstLook(look);
        }
        Now = start;
    }

    /// <summary>How far the simulation has run.</summary>
    public DateTime Now { get; private set; }

    public IReadOnlyList<RawDataWrite> Advance(DateTime to)
    {
        while (true)
        {
            var nextAction = _actions.TryPeek(out _, out var key) ? key.Item1 : DateTime.MaxValue;
            var next = nextAction < _nextArrival ? nextAction : _nextArrival;
            if (next > to)
            {
                break;
            }
            if (next == _nextArrival)
            {
                StartCall(_nextArrival);
                _nextArrival += NextGap();
            }
            else
            {
                _actions.Dequeue()(nextAction);
            }
        }
        Now = to > Now ? to : Now;

        var due = new List<RawDataWrite>();
        while (_writes.TryPeek(out _, out var key) && key.Item1 <= to)
        {
            due.Add(_writes.Dequeue());
        }
        return due;
    }

    private void StartCall(DateTime t)
    {
        switch (PickScenario(calloutsOnly: false))
        {
            case Scenario.Scheduled:
                StartScheduled(t);
                return;
            case Scenario.AgentToAgent:
                StartAgentToAgent(t);
                return;
            case Scenario.Inbound:
                StartInbound(t);
                return;
            case var callout:
                // A callout is made by a Ready agent; when none is, nobody clicks Call.
                if (AnyOf(ReadyAgents(t)) is { } agent)
                {
                    StartCallout(callout, t, agent);
                }
                return;
        }
    }

    /// <summary>The next call's scenario by the mix's weights; an agent calling out from Pause picks among the callouts.</summary>
    private Scenario PickScenario(bool calloutsOnly)
    {
        var mix = _profile.Mix;
        (int, Scenario)[] callouts =
        [
            (mix.Answered, Scenario.Answered), (mix.NoAnswer, Scenario.NoAnswer), (mix.Busy, Scenario.Busy), (mix.Error, Scenario.Error),
            (mix.AgentCancel, Scenario.AgentCancel), (mix.CancelWhileRinging, Scenario.CancelWhileRinging),
            (mix.AgentNotReached, Scenario.AgentNotReached), (mix.AgentReachedAfterRetries, Scenario.AgentReachedAfterRetries),
            (mix.TransferToAgent, Scenario.TransferToAgent), (mix.TransferToNumber, Scenario.TransferToNumber), (mix.TransferToQueue, Scenario.TransferToQueue),
        ];
        return calloutsOnly
            ? Pick(callouts)
            : Pick([.. callouts, (mix.Scheduled, Scenario.Scheduled), (mix.AgentToAgent, Scenario.AgentToAgent), (mix.Inbound, Scenario.Inbound)]);
    }

    /// <summary>An immediate callout: the order session lands first, the call session after the call ends.</summary>
    /// <remarks>An agent whose phone fails is never reached, whatever the call was to be (scenario I).</remarks>
    private void StartCallout(Scenario scenario, DateTime t, AgentSim agent, bool fromPause = false)
    {
        var queue = CalloutQueue(t);
        var (call, orderLanded) = OrderCallout(queue, t, agent);
        if (fromPause)
        {
            AbortPause(agent, t, orderLanded);
        }
        var end = agent.PhoneFailsUntil > t
            ? PhoneFailing(call, agent, t.AddSeconds(1))
            : Conversation(call, InStretch(scenario, queue, t), agent, t.AddSeconds(1));
        Finish(agent, call, end);
    }

    /// <summary>The order session of an immediate callout; returns the call and when its order became visible.</summary>
    private (SimCall Call, DateTime OrderLanded) OrderCallout(SimQueue queue, DateTime t, AgentSim agent)
    {
        var call = _scripts.NewCall(queue, t);
        call.Order(initiationSeconds: 1, orderingAgent: agent.Info.AgentId);
        return (call, Write(t + OrderLag(), call));
    }

    private DateTime Conversation(SimCall call, Scenario scenario, AgentSim agent, DateTime start) => scenario switch
    {
        Scenario.Answered => call.Connected(agent.Info, start, "k", talkSeconds: TalkSeconds()),
        Scenario.NoAnswer => call.Connected(agent.Info, start, _rng.Next(3) == 0 ? "h" : "t", talkSeconds: 0),
        Scenario.Busy => call.Connected(agent.Info, start, "b", talkSeconds: 0),
        Scenario.Error => call.Connected(agent.Info, start, "e", talkSeconds: 0),
        Scenario.AgentCancel => call.CancelledBeforeAnswer(agent.Info, start),
        Scenario.CancelWhileRinging => call.CancelledWhileRinging(agent.Info, start),
        // One or two tries: three failed legs in a row are the failing-phone alarm's warning, left to its situation.
        Scenario.AgentNotReached => call.AgentNotReached(agent.Info, start, FailedResults(1 + _rng.Next(2))),
        Scenario.AgentReachedAfterRetries => call.ReachedAfterRetries(agent.Info, start, FailedResults(1 + _rng.Next(3)), TalkSeconds()),
        Scenario.TransferToAgent or Scenario.TransferToNumber or Scenario.TransferToQueue => Transfer(call, scenario, agent, start),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };

    /// <summary>
    /// Seed: "the agent can transfer the contact to another agent, to a phone number or to a queue"; the
    /// <c>call_transfer</c> flag on the transferring agent's row "helps but is not always set" (§9.2). With no colleague
    /// Ready, the contact is put through the queue and waits there for the agent who is free first.
    /// </summary>
    private DateTime Transfer(SimCall call, Scenario scenario, AgentSim agent, DateTime start)
    {
        var flagged = _rng.Next(2) == 0;
        var talk = TalkSeconds();
        if (scenario == Scenario.TransferToAgent && AnyOf(ReadyAgents(start, except: agent)) is { } colleague)
        {
            return Busy(colleague, call.TransferredToAgent(agent.Info, start, talk, colleague.Info, flagged));
        }
        var queueAgent = scenario == Scenario.TransferToNumber
            ? null
            : _agents.Values.Where(a => a != agent && a.Presence == AgentPresence.LoggedOn && !a.Leaving).MinBy(a => a.BusyUntil);
        if (queueAgent is null)
        {
            return call.TransferredToNumber(agent.Info, start, talk, _scripts.NewNumber(), flagged);
        }
        return Busy(queueAgent, call.TransferredToQueue(agent.Info, start, talk, _profile.TransferQueue, queueAgent.Info, queueAgent.BusyUntil, flagged));
    }

    /// <summary>Marks the agent busy until <paramref name="until"/> (if later than now) and returns it.</summary>
    private static DateTime Busy(AgentSim agent, DateTime until)
    {
        agent.BusyUntil = Later(agent.BusyUntil, until);
        return until;
    }

    /// <summary>
    /// A scheduled call ordered at T0 "to me" (the ordering agent reserved on the order rows) or "to any agent" (none
    /// reserved). It waits until T1, then runs, or is deleted first. Taken on time when an agent is free: overdue calls
    /// are an alarm, left to their situation, and otherwise only a reserved agent still in a pause at T1 keeps one waiting.
    /// </summary>
    private void StartScheduled(DateTime t0)
    {
        if (AnyOf(ReadyAgents(t0)) is not { } orderer)
        {
            return;
        }
        var due = t0 + Seconds(600, 3 * 3600);
        var waiting = OrderScheduled(t0, RandomQueue(), due, _rng.Next(10) < 4 ? orderer : null);
        // One in ten deleted: in a centre that takes all its agents, more would keep the queues' cancelled share high.
        if (_rng.Next(10) == 0)
        {
            var deletedAt = t0 + TimeSpan.FromSeconds(_rng.Next(60, (int)(due - t0).TotalSeconds));
            At(deletedAt, t => Delete(waiting, t, waiting.Reserved?.Info.AgentId));
            return;
        }
        At(due + Seconds(0, 90), t => Offer(waiting, waiting.Reserved, t));
    }

    /// <summary>Writes the order of a scheduled call due at <paramref name="due"/>; it waits in its queue until offered or deleted.</summary>
    private WaitingCall OrderScheduled(DateTime t0, SimQueue queue, DateTime due, AgentSim? reserved)
    {
        var call = _scripts.NewCall(queue, t0);
        call.Order((int)(due - t0).TotalSeconds, reserved?.Info.AgentId, scheduledFor: _rng.Next(10) < 7 ? due : null);
        Write(t0 + OrderLag(), call);
        var waiting = new WaitingCall(call, queue, t0, reserved);
        _waiting.Add(waiting);
        return waiting;
    }

    /// <summary>Scenario F: the request deleted before it was made, by its agent or (<paramref name="by"/> null) an admin.</summary>
    private void Delete(WaitingCall waiting, DateTime t, int? by)
    {
        if (_waiting.Remove(waiting))
        {
            waiting.Call.Deleted(t, by);
            Write(t + Lag(), waiting.Call);
        }
    }

    /// <summary>
    /// The queue offers a due scheduled call. Seed: "If the agent is logged on at T1, the request is sent to the agent
    /// when he becomes Ready. If the agent is logged off at T1 or logs off before getting the call, the request is sent
    /// to another agent", and "to any agent" goes to "the first ready agent on the relevant queue". So the agent
    /// legs carry whoever takes it, which §9.4 keeps apart from the reserved agent. A call deleted meanwhile is gone.
    /// </summary>
    private void Offer(WaitingCall waiting, AgentSim? reserved, DateTime t)
    {
        if (!_waiting.Contains(waiting))
        {
            return;
        }
        var held = _agents.Values.FirstOrDefault(a => a.HeldFor == waiting);
        if (held is not null)
        {
            held.HeldFor = null;
        }
        var stillReserved = reserved is { Presence: not AgentPresence.LoggedOff } ? reserved : null;
        var agent = held is not null && IsReady(held, t) ? held
            : stillReserved is null ? AnyOf(ReadyAgents(t))
            : IsReady(stillReserved, t) ? stillReserved : null;
        if (agent is null)
        {
            // The queue sends the request as the agent "becomes Ready", before a busy centre's next callout takes the
            // agent: the one free soonest is held for it. A paused agent is looked at again later.
            var next = stillReserved is null ? SoonestFree(t) : IsTaking(stillReserved, t) && stillReserved.HeldFor is null ? stillReserved : null;
            if (next is not null)
            {
                next.HeldFor = waiting;
            }
            At(next is null ? t + Seconds(30, 120) : Later(next.BusyUntil, t) + Seconds(1, 5), later => Offer(waiting, stillReserved, later));
            return;
        }
        _waiting.Remove(waiting);
        Finish(agent, waiting.Call, Conversation(waiting.Call, _rng.Next(4) == 0 ? Scenario.NoAnswer : Scenario.Answered, agent, t));
    }

    private void StartAgentToAgent(DateTime t)
    {
        var caller = AnyOf(ReadyAgents(t));
        var callee = caller is null ? null : AnyOf(ReadyAgents(t, except: caller));
        if (caller is null || callee is null)
        {
            return;
        }
        var call = _scripts.NewCall(RandomQueue(), t);
        var end = call.AgentToAgent(caller.Info, callee.Info);
        caller.BusyUntil = end;
        callee.BusyUntil = end;
        Write(end + Lag(), call);
    }

    private void StartInbound(DateTime t)
    {
        if (AnyOf(ReadyAgents(t)) is not { } agent)
        {
            return;
        }
        var call = _scripts.NewCall(_profile.InboundQueue, t);
        agent.BusyUntil = call.Inbound(agent.Info);
        Write(agent.BusyUntil + Lag(), call);
    }

    /// <summary>The call session lands after the call ends.</summary>
    private void Finish(AgentSim agent, SimCall call, DateTime end)
    {
        Busy(agent, end);
        Write(end + Lag(), call);
    }

    /// <summary>
    /// Seed: "If the agent Calls out while in status Pause, the pause will be aborted (a Return from pause event is
    /// created)". The 'r' usually lands within seconds; half the time after the order session's rows (§9.3).
    /// </summary>
    private void AbortPause(AgentSim agent, DateTime t, DateTime orderLanded)
    {
        DateTime? late = _rng.Next(2) == 0 ? orderLanded + Seconds(5, 120) : null;
        ReturnFromPause(agent, t.AddSeconds(-1), late);
    }

    private List<AgentSim> ReadyAgents(DateTime t, AgentSim? except = null) =>
        [.. _agents.Values.Where(a => a != except && IsReady(a, t))];

    /// <summary>Ready for a call the centre hands out; an agent whose phone fails only makes its own tries.</summary>
    private static bool IsReady(AgentSim agent, DateTime t) => IsTaking(agent, t) && agent.BusyUntil <= t && agent.HeldFor is null;

    /// <summary>Logged on and taking calls, though maybe in one now.</summary>
    private static bool IsTaking(AgentSim agent, DateTime t) => agent.Presence == AgentPresence.LoggedOn && !agent.Leaving && agent.PhoneFailsUntil <= t;

    private AgentSim? SoonestFree(DateTime t) => _agents.Values.Where(a => IsTaking(a, t) && a.HeldFor is null).MinBy(a => a.BusyUntil);

    private AgentSim? AnyOf(List<AgentSim> agents) => agents.Count == 0 ? null : agents[_rng.Next(agents.Count)];

    private SimQueue RandomQueue() => _profile.Queues[_rng.Next(_profile.Queues.Count)];

    private void LogOn(AgentSim agent, DateTime t, TimeSpan? shift = null)
    {
        var number = ++agent.Shift;
        agent.Presence = AgentPresence.LoggedOn;
        agent.PhoneFailsUntil = t;
        agent.ShiftEnds = t + (shift ?? Seconds(3 * 3600, 8 * 3600));
        AgentEvent(agent, "i", t);
        if (_rng.Next(8) == 0)
        {
            // Logging on directly to pause writes an i and a p milliseconds apart.
            Pause(agent, t.AddMilliseconds(4));
        }
        else
        {
            PlanPause(agent, t);
        }
        // Shifts of 3 to 8 hours: some agents leave while calls reserved for them are still waiting.
        At(agent.ShiftEnds, end => EndShift(agent, number, end));
    }

    /// <summary>
    /// The agent's next pause. Each pause, return and log-off starts a new plan, so an action of an older one (the end
    /// of a pause a callout already aborted, a pause planned before a log-off) lapses instead of acting twice.
    /// </summary>
    private void PlanPause(AgentSim agent, DateTime t)
    {
        var plan = ++agent.Plan;
        At(t + Seconds(900, 5400), next => PauseWhenItFits(agent, next, plan));
    }

    private void PauseWhenItFits(AgentSim agent, DateTime t, int plan)
    {
        if (agent.Plan != plan || agent.Presence != AgentPresence.LoggedOn)
        {
            return;
        }
        // Most agents wait for the call to end and click Pause in wrap-up, the seed's advice for "no incoming call
        // next", usually before the call's rows land (§9.3: it looks like Connected and Pause until they do). Some press
        // it during the call: Connected and Pause.
        if (agent.BusyUntil > t && _rng.Next(3) != 0)
        {
            At(agent.BusyUntil + Seconds(2, 20), next => PauseWhenItFits(agent, next, plan));
            return;
        }
        Pause(agent, t);
    }

    /// <summary>
    /// A pause of a few minutes. One in three ends early with the agent calling out from it (scenario J): the agent's
    /// choice, so a busy hour does not pull every paused agent out to make its calls.
    /// </summary>
    private void Pause(AgentSim agent, DateTime t, bool onTime = false)
    {
        var type = CentreProfile.PauseTypes[_rng.Next(CentreProfile.PauseTypes.Count)];
        var callsOut = _rng.Next(3) == 0;
        var length = PauseLength(type);
        Pause(agent, t, type, callsOut ? length * _rng.NextDouble() : length, callsOut, onTime);
    }

    private void Pause(AgentSim agent, DateTime t, string type, TimeSpan length, bool callsOut, bool onTime = false)
    {
        var plan = ++agent.Plan;
        agent.Presence = AgentPresence.Paused;
        AgentEvent(agent, "p", t, type, onTime: onTime);
        At(t + length, end => EndPause(agent, plan, callsOut, end));
    }

    /// <summary>
    /// A pause as long as its type usually is, and one in eight long enough to cross the pause alarm's warning for its
    /// type (Lunch 35 min, Coffee 10, others 15) and often its alarm (45, 15, 25): the long pause situation.
    /// </summary>
    private TimeSpan PauseLength(string type) => (type, _rng.Next(8) == 0) switch
    {
        ("Lunch", false) => Seconds(25 * 60, 34 * 60),
        ("Lunch", true) => Seconds(40 * 60, 55 * 60),
        ("Coffee", false) => Seconds(3 * 60, 9 * 60),
        ("Coffee", true) => Seconds(12 * 60, 18 * 60),
        (_, false) => Seconds(4 * 60, 14 * 60),
        (_, true) => Seconds(18 * 60, 30 * 60),
    };

    private void EndPause(AgentSim agent, int plan, bool callsOut, DateTime t)
    {
        if (agent.Plan != plan || agent.Presence != AgentPresence.Paused)
        {
            return;
        }
        if (!callsOut || agent.Leaving)
        {
            ReturnFromPause(agent, t);
        }
        else if (agent.BusyUntil > t)
        {
            // Still on the call the pause was clicked in: the callout comes after it.
            At(agent.BusyUntil + Seconds(5, 30), next => EndPause(agent, plan, callsOut, next));
        }
        else
        {
            StartCallout(PickScenario(calloutsOnly: true), t, agent, fromPause: true);
        }
    }

    private void ReturnFromPause(AgentSim agent, DateTime t, DateTime? stampedAt = null)
    {
        agent.Presence = AgentPresence.LoggedOn;
        AgentEvent(agent, "r", t, stampedAt: stampedAt);
        PlanPause(agent, t);
    }

    /// <summary>The end of the agent's shift <paramref name="shift"/>; it lapses when Puzzel logged the agent off earlier.</summary>
    private void EndShift(AgentSim agent, int shift, DateTime t)
    {
        if (agent.Shift != shift || agent.Presence == AgentPresence.LoggedOff)
        {
            return;
        }
        if (agent.BusyUntil > t)
        {
            // At the end of the shift the agent takes no new call, and logs off once this one is over.
            agent.Leaving = true;
            At(agent.BusyUntil.AddSeconds(10), next => EndShift(agent, shift, next));
            return;
        }
        LogOff(agent, t, source: "w");
        // The next shift: a wall display runs for weeks, so the centre never empties for good.
        At(t + Seconds(1800, 5400), next => LogOn(agent, next));
    }

    private void LogOff(AgentSim agent, DateTime t, string source)
    {
        agent.Plan++;
        agent.Leaving = false;
        agent.Presence = AgentPresence.LoggedOff;
        AgentEvent(agent, "o", t, source: source);
    }

    /// <summary>
    /// An agent event, stamped a few seconds after it happened unless <paramref name="stampedAt"/> says when; visible at
    /// once when <paramref name="onTime"/>.
    /// </summary>
    private void AgentEvent(AgentSim agent, string type, DateTime t, string? pauseType = null, DateTime? stampedAt = null, bool onTime = false, string source = "w")
    {
        var stamp = stampedAt ?? t + Seconds(1, 4);
        Enqueue(new AgentEventWrite(onTime ? stamp : Visible(stamp), new AgentEventRow
        {
            AgentId = agent.Info.AgentId,
            EventType = type,
            EventSource = source,
            DteStart = t,
            PauseType = pauseType,
            DteUpdated = stamp,
        }));
    }

    /// <summary>
    /// Writes the call's rows as they are now, stamped <paramref name="stamp"/>; returns when they become visible.
    /// Puzzel writes a call's sessions in order, so a later session is stamped after the earlier one was visible
    /// and never lands before it.
    /// </summary>
    private DateTime Write(DateTime stamp, SimCall call)
    {
        if (call.LastLandedAt is { } previous && stamp <= previous)
        {
            stamp = previous.AddSeconds(1);
        }
        var landed = Visible(stamp);
        call.LastLandedAt = landed;
        Enqueue(new CallWrite(landed, call.CallId, call.RowsAsWrittenAt(stamp)));
        return landed;
    }

    /// <summary>
    /// §9.5: "dte_updated is stamped when a row is written, not when it becomes visible": now and then a load
    /// transaction or a mirror copying in batches shows a write seconds to minutes after its stamp.
    /// </summary>
    private DateTime Visible(DateTime stamp) =>
        _rng.NextDouble() < _profile.LateVisibleShare
            ? stamp + TimeSpan.FromSeconds(_rng.Next(5, Math.Max(6, (int)_profile.MaxLateVisibility.TotalSeconds)))
            : stamp;

    private void Enqueue(RawDataWrite write) => _writes.Enqueue(write, (write.At, _sequence++));

    private void At(DateTime t, Action<DateTime> action) => _actions.Enqueue(action, (t, _sequence++));

    /// <summary>Arrivals follow the working day (the full rate in office hours, a trickle at night), unless the centre works around the clock.</summary>
    private TimeSpan NextGap()
    {
        var hour = _nextArrival.Hour;
        var share = _profile.AroundTheClock || hour is >= 8 and < 17 ? 1.0 : hour is 7 or 17 or 18 ? 0.5 : 0.1;
        return TimeSpan.FromSeconds(-Math.Log(1 - _rng.NextDouble()) * 60 / (_profile.RatePerMinute * share));
    }

    private TimeSpan Lag() => _profile.MinArrivalDelay + TimeSpan.FromSeconds(_rng.NextDouble() * (_profile.MaxArrivalDelay - _profile.MinArrivalDelay).TotalSeconds);

    /// <summary>The short order session lands sooner than the call session.</summary>
    private TimeSpan OrderLag() => _profile.MinArrivalDelay + TimeSpan.FromSeconds(_rng.NextDouble() * (_profile.MaxArrivalDelay - _profile.MinArrivalDelay).TotalSeconds / 4);

    private TimeSpan Seconds(int min, int max) => TimeSpan.FromSeconds(_rng.Next(min, max));

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>
    /// Talk time: most calls a few minutes, a tail up to 8. A callout open 10 minutes is an alarm's warning, so longer
    /// talks are left to their situation.
    /// </summary>
    private int TalkSeconds() => (int)Math.Min(480, 20 - Math.Log(1 - _rng.NextDouble()) * 150);

    /// <summary>Failed legs to the agent: busy, set-up timeout or error (scenario I).</summary>
    private string[] FailedResults(int legs) => [.. Enumerable.Range(0, legs).Select(_ => FailedAgentResults[_rng.Next(FailedAgentResults.Length)])];

    private T Pick<T>(params (int Weight, T Value)[] choices)
    {
        var roll = _rng.Next(choices.Sum(c => c.Weight));
        foreach (var (weight, value) in choices)
        {
            if (roll < weight)
            {
                return value;
            }
            roll -= weight;
        }
        return choices[^1].Value;
    }

    private static readonly string[] FailedAgentResults = ["b", "c", "e"];

    private enum Scenario
    {
        Answered, NoAnswer, Busy, Error, AgentCancel, CancelWhileRinging, AgentNotReached, AgentReachedAfterRetries,
        TransferToAgent, TransferToNumber, TransferToQueue, Scheduled, AgentToAgent, Inbound,
    }

    private sealed class AgentSim(SimAgent info)
    {
        public SimAgent Info => info;
        public AgentPresence Presence { get; set; } = AgentPresence.LoggedOff;
        public DateTime BusyUntil { get; set; }

        /// <summary>Bumped by every pause, return and log-off: a scheduled action of an older plan lapses.</summary>
        public int Plan { get; set; }

        /// <summary>The shift is over but a call is not: no new calls until the agent has logged off.</summary>
        public bool Leaving { get; set; }

        /// <summary>Bumped by every log-on: the end of an earlier shift lapses.</summary>
        public int Shift { get; set; }

        public DateTime ShiftEnds { get; set; }

        /// <summary>Until then every call to the agent's phone fails (logged on with a wrong number, or a network fault).</summary>
        public DateTime PhoneFailsUntil { get; set; }

        /// <summary>Error results on the agent's legs while the phone fails: Puzzel logs the agent off after 5.</summary>
        public int PhoneErrors { get; set; }

        /// <summary>The due scheduled call the queue sends the agent when free; no other call is handed to it meanwhile.</summary>
        public WaitingCall? HeldFor { get; set; }
    }

    /// <summary>A scheduled call ordered and in its queue, not yet offered or deleted.</summary>
    private sealed record WaitingCall(SimCall Call, SimQueue Queue, DateTime OrderedAt, AgentSim? Reserved);
}
