using Callout.Dashboard.Domain;

namespace Callout.Dashboard.Simulator;

/// <summary>
/// The situations the dashboard's KPI alarms are for. Each comes now and then and goes again, so a centre is mostly
/// normal; the profile's <see cref="CentreProfile.FirstLook"/> stages each to be going when a viewer first looks.
/// The lengths are chosen against the alarms' default thresholds, named at each situation, so that they cross them.
/// </summary>
public sealed partial class TrafficGenerator
{
    /// <summary>Puzzel's automatic log-off "after X errors (default 5)" on the agent's legs (§2.5).</summary>
    private const int AutoLogOffErrors = 5;

    private static readonly TimeSpan s_shortestShiftLeft = TimeSpan.FromMinutes(30);

    private readonly List<Stretch> _stretches = [];

    private void PlanSituations(DateTime start)
    {
        At(start + Minutes(15, 25), PhoneFailure);
        At(start + Minutes(10, 30), LongTalk);
        At(start + Minutes(20, 50), OverdueRound);
        At(start + Minutes(30, 60), t => RecurringStretch(StretchKind.AnswerDip, t));
        At(start + Minutes(60, 100), t => RecurringStretch(StretchKind.CancelBurst, t));
    }

    private void StageFirstLook(DateTime look)
    {
        // Failing for five minutes already: the agent's failed legs are past the alarm's 5 when the board opens.
        At(look.AddMinutes(-5), t => WithAgent(t, TimeSpan.FromMinutes(20), (agent, at) => FailPhone(agent, at, Minutes(9, 13))));
        // Lunch since 38 minutes (past its warning, its alarm within minutes). The agent reserved a call "to me" before
        // it, due 7 minutes before the look: overdue until the lunch is over.
        At(look.AddMinutes(-38), t => WithAgent(t, TimeSpan.FromMinutes(70), (agent, at) =>
        {
            var waiting = OrderScheduled(at, RandomQueue(), look.AddMinutes(-7), agent);
            At(look.AddMinutes(-7), next => Offer(waiting, agent, next));
            Pause(agent, at, "Lunch", Minutes(47, 55), callsOut: false);
        }));
        At(look.AddMinutes(-11), t => WithAgent(t, TimeSpan.FromMinutes(30), (agent, at) => Pause(agent, at, "Coffee", Minutes(16, 18), callsOut: false)));
        // Connected and Pause: a long callout from four minutes before the look, Pause clicked a minute before it.
        At(look.AddMinutes(-4), t => WithAgent(t, TimeSpan.FromMinutes(30), (agent, at) =>
            PauseDuring(agent, Later(look.AddMinutes(-1), at.AddSeconds(45)), LongCallout(agent, at, Minutes(7, 10)))));
        At(look.AddMinutes(-9), t => WithAgent(t, TimeSpan.FromMinutes(40), (agent, at) => LongCallout(agent, at, Minutes(14, 20))));
        At(look.AddMinutes(-35), t => DueRound(t, RandomQueue(), look.AddMinutes(-7)));
        At(look.AddMinutes(-22), t => StartStretch(StretchKind.AnswerDip, t, look + Minutes(2, 4)));
        At(look.AddMinutes(-15), t => StartStretch(StretchKind.CancelBurst, t, look + Minutes(2, 4)));
    }

    /// <summary>
    /// Every 15–25 minutes one Ready agent's phone fails for 6–12 (the failing-phone alarm: 3 failed agent legs of one
    /// agent within 15 minutes with none answered warn, 5 alarm).
    /// </summary>
    private void PhoneFailure(DateTime t)
    {
        WithAgent(t, TimeSpan.FromMinutes(15), (agent, at) => FailPhone(agent, at, Minutes(6, 12)));
        At(t + Minutes(15, 25), PhoneFailure);
    }

    private void FailPhone(AgentSim agent, DateTime t, TimeSpan lasts)
    {
        agent.PhoneFailsUntil = t + lasts;
        agent.PhoneErrors = 0;
        KeepCalling(agent, t);
    }

    /// <summary>The agent, not told why, clicks Call again and again: a new callout every 30–90 s while the phone fails.</summary>
    private void KeepCalling(AgentSim agent, DateTime t)
    {
        if (agent.PhoneFailsUntil <= t || agent.Presence == AgentPresence.LoggedOff)
        {
            return;
        }
        if (agent.Presence == AgentPresence.LoggedOn && !agent.Leaving && agent.BusyUntil <= t)
        {
            StartCallout(Scenario.AgentNotReached, t, agent);
        }
        At(Later(agent.BusyUntil, t) + Seconds(30, 90), next => KeepCalling(agent, next));
    }

    /// <summary>
    /// Seed: "error/timeout if the agent logged on with wrong number or in cases with network congestion/error": every leg
    /// to the agent fails. After the fifth error Puzzel logs the agent off; with busy and time-out results mixed in that
    /// takes a while, so the alarm shows first, and in most failures it never comes to it.
    /// </summary>
    private DateTime PhoneFailing(SimCall call, AgentSim agent, DateTime start)
    {
        var results = FailedResults(1 + _rng.Next(3));
        agent.PhoneErrors += results.Count(r => r == "e");
        var end = call.AgentNotReached(agent.Info, start, results);
        if (agent.PhoneErrors >= AutoLogOffErrors)
        {
            agent.PhoneFailsUntil = end;
            At(end + Seconds(1, 5), t => AutoLogOff(agent, t));
        }
        return end;
    }

    /// <summary>An 'o' from source 'a' (automatic); the agent logs on again a few minutes later, now with the right number.</summary>
    private void AutoLogOff(AgentSim agent, DateTime t)
    {
        if (agent.Presence == AgentPresence.LoggedOff)
        {
            return;
        }
        LogOff(agent, t, source: "a");
        At(t + Seconds(60, 240), next => LogOn(agent, next, agent.ShiftEnds - next > s_shortestShiftLeft ? agent.ShiftEnds - next : s_shortestShiftLeft));
    }

    /// <summary>
    /// Every 20–40 minutes an agent talks 11–25 minutes (the open-callout alarm: 10 minutes open warn, 20 alarm). Half of
    /// them click Pause during it and stay Connected and Pause for long (3 minutes warn, 8 alarm).
    /// </summary>
    private void LongTalk(DateTime t)
    {
        WithAgent(t, TimeSpan.FromMinutes(30), (agent, at) =>
        {
            var end = LongCallout(agent, at, Minutes(11, 25));
            if (_rng.Next(2) == 0)
            {
                PauseDuring(agent, at + Minutes(1, 5), end);
            }
        });
        At(t + Minutes(20, 40), LongTalk);
    }

    /// <summary>An answered callout with <paramref name="talk"/>; returns when it ends.</summary>
    private DateTime LongCallout(AgentSim agent, DateTime t, TimeSpan talk)
    {
        var (call, _) = OrderCallout(RandomQueue(), t, agent);
        var end = call.Connected(agent.Info, t.AddSeconds(1), "k", (int)talk.TotalSeconds);
        Finish(agent, call, end);
        return end;
    }

    /// <summary>
    /// At <paramref name="at"/> the agent, still in the call ending at <paramref name="callEnds"/>, clicks Pause: a pause
    /// that outlasts the call, shown at once (a pause landing minutes late, §9.5, would hide the moment).
    /// </summary>
    private void PauseDuring(AgentSim agent, DateTime at, DateTime callEnds) => At(at, t =>
    {
        if (agent.Presence == AgentPresence.LoggedOn && callEnds > t)
        {
            var type = CentreProfile.PauseTypes[_rng.Next(CentreProfile.PauseTypes.Count)];
            Pause(agent, t, type, callEnds - t + PauseLength(type), callsOut: false, onTime: true);
        }
    });

    /// <summary>
    /// Every 30–60 minutes a round of scheduled calls in one queue falls due at one time, more than its agents can take
    /// (the overdue alarm: a call 5 minutes overdue warns, 15 alarms; 3 overdue calls in a queue warn, 6 alarm).
    /// </summary>
    private void OverdueRound(DateTime t)
    {
        DueRound(t, RandomQueue(), t + Minutes(20, 35));
        At(t + Minutes(30, 60), OverdueRound);
    }

    /// <summary>
    /// 3–7 calls "to any agent" ordered over the next five minutes (through the API, so no agent is needed to order
    /// them), all due at <paramref name="due"/>; each is taken 5–20 minutes late.
    /// </summary>
    private void DueRound(DateTime t, SimQueue queue, DateTime due)
    {
        var calls = 3 + _rng.Next(5);
        for (var i = 0; i < calls; i++)
        {
            At(t + Seconds(0, 300), ordered =>
            {
                var waiting = OrderScheduled(ordered, queue, due, reserved: null);
                At(due + Minutes(5, 20), next => Offer(waiting, null, next));
            });
        }
    }

    /// <summary>
    /// Every 100–150 minutes one queue has a stretch of <paramref name="kind"/> lasting 15–25 minutes. Its alarm lasts
    /// until the stretch's calls have left the queue's last hour, so more often would leave it on.
    /// </summary>
    private void RecurringStretch(StretchKind kind, DateTime t)
    {
        StartStretch(kind, t, t + Minutes(15, 25));
        At(t + Minutes(100, 150), next => RecurringStretch(kind, next));
    }

    /// <summary>
    /// A stretch in a queue without one. A cancel burst also has an admin delete a batch of the queue's scheduled
    /// requests halfway through (scenario F).
    /// </summary>
    private void StartStretch(StretchKind kind, DateTime t, DateTime until)
    {
        _stretches.RemoveAll(s => s.Until <= t);
        var free = _profile.Queues.Where(q => _stretches.All(s => s.Queue != q)).ToList();
        if (free.Count == 0)
        {
            return;
        }
        var queue = free[_rng.Next(free.Count)];
        _stretches.Add(new Stretch(queue, kind, until));
        if (kind == StretchKind.CancelBurst)
        {
            At(t + (until - t) / 2, at => AdminDeletes(queue, at));
        }
    }

    /// <summary>
    /// The admin deletes the 6–12 requests ordered last (a list loaded twice, say): they were ordered within the hour,
    /// so they count in the queue's cancelled-and-deleted share.
    /// </summary>
    private void AdminDeletes(SimQueue queue, DateTime t)
    {
        foreach (var waiting in _waiting.Where(w => w.Queue == queue).OrderByDescending(w => w.OrderedAt).Take(6 + _rng.Next(7)).ToList())
        {
            Delete(waiting, t.AddSeconds(_rng.Next(60)), by: null);
        }
    }

    /// <summary>
    /// While a stretch runs, its queue gets two in three of the centre's immediate callouts besides its share (agents
    /// working through one list), so the stretch weighs on the queue's last hour.
    /// </summary>
    private SimQueue CalloutQueue(DateTime t)
    {
        var running = _stretches.Where(s => s.Until > t).ToList();
        return running.Count > 0 && _rng.Next(3) != 0 ? running[_rng.Next(running.Count)].Queue : RandomQueue();
    }

    /// <summary>
    /// In an answer dip 19 in 20 destinations do not answer or are busy (the answer-rate alarm: below 50 % in the last
    /// hour warns, 35 % alarms); in a cancel burst agents cancel 6 in 10 (the cancelled-and-deleted share: above 15 %
    /// warns, 30 % alarms).
    /// </summary>
    private Scenario InStretch(Scenario scenario, SimQueue queue, DateTime t) =>
        _stretches.FirstOrDefault(s => s.Queue == queue && s.Until > t)?.Kind switch
        {
            StretchKind.AnswerDip when _rng.Next(20) != 0 => _rng.Next(3) == 0 ? Scenario.Busy : Scenario.NoAnswer,
            StretchKind.CancelBurst when _rng.Next(10) < 6 => _rng.Next(2) == 0 ? Scenario.AgentCancel : Scenario.CancelWhileRinging,
            _ => scenario,
        };

    /// <summary>Runs <paramref name="act"/> with a Ready agent whose shift outlasts <paramref name="needed"/>; with none, shortly again.</summary>
    private void WithAgent(DateTime t, TimeSpan needed, Action<AgentSim, DateTime> act)
    {
        if (AnyOf([.. ReadyAgents(t).Where(a => a.ShiftEnds > t + needed)]) is { } agent)
        {
            act(agent, t);
        }
        else
        {
            At(t.AddSeconds(10), next => WithAgent(next, needed, act));
        }
    }

    private TimeSpan Minutes(int min, int max) => Seconds(min * 60, max * 60);

    private enum StretchKind
    {
        AnswerDip,
        CancelBurst,
    }

    private sealed record Stretch(SimQueue Queue, StretchKind Kind, DateTime Until);
}
