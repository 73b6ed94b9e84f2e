using static Callout.Dashboard.Simulator.Tests.FourSeededHours;

namespace Callout.Dashboard.Simulator.Tests;

/// <summary>
/// Each shape of the seed page ("Outgoing calls") and §9 occurs in the generator's rows, and the real Board folds it as
/// §9.1–9.4 say.
/// </summary>
public sealed class ScenarioShapeTests(FourSeededHours run) : IClassFixture<FourSeededHours>
{
    [Fact]
    public void CancelWhileDestinationRings_Occurs_FoldsAsCancelled()
    {
        // §9.1: the agent leg answered, the contact leg cut short, and the extra Queue 'd'.
        var whileRinging = run.Callouts(rows => HasDeletion(rows)
            && AgentLegs(rows) is [{ ResultCode: "k" }]
            && ContactLeg(rows) is { ResultCode: "h", DurationSpeakSec: 0 });

        Assert.True(whileRinging.Count >= 10, $"{whileRinging.Count} callouts cancelled while ringing");
        Assert.All(whileRinging, c => Assert.Equal(CancelKind.Cancelled, run.Cancelled[Id(c.CallId)].Kind));
    }

    [Fact]
    public void CancelBeforeAgentLegAnswered_Occurs_FoldsAsCancelled()
    {
        var beforeAnswer = run.Callouts(rows => HasDeletion(rows) && AgentLegs(rows) is [{ ResultCode: "h" }] && ContactLeg(rows) is null);

        Assert.True(beforeAnswer.Count >= 5, $"{beforeAnswer.Count} callouts cancelled before the agent answered");
        Assert.All(beforeAnswer, c => Assert.Equal(CancelKind.Cancelled, run.Cancelled[Id(c.CallId)].Kind));
    }

    [Theory]
    [InlineData(TransferTarget.Agent)]
    [InlineData(TransferTarget.Number)]
    [InlineData(TransferTarget.Queue)]
    public void Transfer_EachTarget_OccursWithAndWithoutFlagAndFoldsWithItsTarget(TransferTarget target)
    {
        var transferred = run.Callouts(rows => TransferTargetOf(rows) == target);
        var unflagged = transferred.Where(c => c.Rows.All(r => r.CallTransfer != true)).ToList();

        Assert.True(transferred.Count >= 3, $"{transferred.Count} transfers to {target}");
        Assert.NotEmpty(unflagged);
        Assert.NotEqual(transferred.Count, unflagged.Count);
        Assert.All(transferred, c =>
        {
            var shown = run.Recent[Id(c.CallId)];
            Assert.Equal((true, target), (shown.Transferred, shown.TransferredTo));
            Assert.Equal(AgentLegs(c.Rows)[0].AgentId, shown.AgentId);
        });
    }

    [Fact]
    public void TransferToAgent_Rows_AreCiqAWithoutQueueKey()
    {
        var toAgent = run.Callouts(rows => TransferTargetOf(rows) == TransferTarget.Agent);

        // Seed: "this new agent's conversation event will also get ciq='a' since this is in the same 'ciq' session".
        Assert.All(toAgent, c => Assert.Contains(AgentLegs(c.Rows), r => r.QueueKey is null && r.AgentId != AgentLegs(c.Rows)[0].AgentId));
    }

    [Fact]
    public void FailedAgentLegsThenAnswered_Occur_FoldAsTheirOutcomeNotTransferred()
    {
        // Seed, "Error when calling agent that ordered callout": several legs to the same agent with b, c or e, then k.
        var retried = run.Callouts(rows => AgentLegs(rows) is { Count: >= 2 } legs
            && legs.Select(l => l.AgentId).Distinct().Count() == 1
            && legs[^1].ResultCode == "k" && legs[..^1].All(l => l.ResultCode is "b" or "c" or "e")
            && ContactLeg(rows) is not null && !HasDeletion(rows));

        Assert.True(retried.Count >= 5, $"{retried.Count} callouts reached their agent after retries");
        Assert.All(retried, c =>
        {
            var shown = run.Recent[Id(c.CallId)];
            Assert.False(shown.Transferred, $"call {shown.CallId} folded as transferred");
            Assert.Equal(AgentLegs(c.Rows)[0].AgentId, shown.AgentId);
            Assert.Equal(CalloutOutcome.Answered, shown.Outcome);
        });
    }

    [Fact]
    public void ScheduledToMe_ReservedAgentLoggedOff_IsMadeByAnotherAgentAndBoardKeepsBoth()
    {
        var madeByOther = run.Callouts(rows => IsScheduled(rows) && OrderingAgent(rows) is { } reserved
            && AgentLegs(rows).FirstOrDefault(l => l.ResultCode == "k") is { } made && made.AgentId != reserved);

        Assert.True(madeByOther.Count >= 2, $"{madeByOther.Count} scheduled calls to me made by another agent");
        Assert.All(madeByOther, c =>
        {
            var reserved = OrderingAgent(c.Rows)!.Value;
            var ordered = c.Rows.First(r => r.EventType == PuzzelCodes.Initiation).DteStart;
            var leg = AgentLegs(c.Rows).First(l => l.ResultCode == "k");
            // Seed: "If the agent is logged off at T1 or logs off before getting the call, the request is sent to another agent".
            Assert.Contains(run.AgentEvents, w => w.Row.AgentId == reserved && w.Row.EventType == "o" && w.Row.DteStart >= ordered && w.Row.DteStart <= leg.DteStart);
            var shown = run.Recent[Id(c.CallId)];
            Assert.Equal((leg.AgentId, reserved), (shown.AgentId, shown.OrderedByAgentId));
        });
    }

    [Fact]
    public void ScheduledToAnyAgent_IsMadeByWhoeverIsFreeAndBoardShowsTheMaker()
    {
        var toAnyAgent = run.Callouts(rows => IsScheduled(rows) && OrderingAgent(rows) is null && AgentLegs(rows).Count > 0);

        Assert.True(toAnyAgent.Count >= 10, $"{toAnyAgent.Count} scheduled calls to any agent made");
        Assert.True(toAnyAgent.Select(c => AgentLegs(c.Rows)[0].AgentId).Distinct().Count() > 3);
        Assert.All(toAnyAgent, c =>
        {
            var shown = run.Recent[Id(c.CallId)];
            Assert.Equal((AgentLegs(c.Rows)[0].AgentId, (int?)null), (shown.AgentId, shown.OrderedByAgentId));
        });
    }

    [Fact]
    public void CalloutFromPause_ReturnLandingAfterTheOrder_IsNeverConnectedAndPause()
    {
        var lateReturns = LateReturnsFromPause();
        var observed = 0;

        foreach (var (callId, agentId, orderLanded, returnLanded) in lateReturns)
        {
            foreach (var snapshot in run.Between(orderLanded, returnLanded).Where(s => s.ActiveCallouts.Any(a => a.CallId == Id(callId))))
            {
                // §9.3: calling out while paused aborts the pause. While the callout is open (its 'r' not landed yet) the
                // agent is shown logged on, not Connected and Pause.
                var agent = snapshot.Agents.Single(a => a.AgentId == agentId);
                Assert.Equal((AgentPresence.LoggedOn, false), (agent.Status, agent.ConnectedAndPause));
                observed++;
            }
        }

        // One pause in three ends with a callout from it; about half of their 'r' land after the order.
        Assert.True(lateReturns.Count >= 5, $"{lateReturns.Count} returns from pause landed after their callout's order");
        Assert.True(observed >= 3, $"the board was looked at {observed} times between such an order and its 'r'");
    }

    [Fact]
    public void PauseInWrapUp_BeforeTheCallsRowsLand_ShowsConnectedAndPauseUntilTheyDo()
    {
        var wrapUpPauses = WrapUpPauses();
        var observed = 0;

        foreach (var (callId, agentId, shown, callLanded) in wrapUpPauses)
        {
            foreach (var snapshot in run.Between(shown, callLanded).Where(s => s.ActiveCallouts.Any(a => a.CallId == Id(callId) && a.State == ActiveState.InProgress)))
            {
                // §9.3: "Pause clicked in wrap-up looks like C&P until the call's Conversation rows land: show it".
                var agent = snapshot.Agents.Single(a => a.AgentId == agentId);
                Assert.True(agent.Status != AgentPresence.Paused || agent.ConnectedAndPause, $"agent {agentId} at {snapshot.AsOf}");
                observed += agent.ConnectedAndPause ? 1 : 0;
            }
        }

        Assert.True(wrapUpPauses.Count >= 10, $"{wrapUpPauses.Count} pauses clicked in wrap-up");
        Assert.True(observed >= 1, "no snapshot showed a wrap-up pause as Connected and Pause");
    }

    [Fact]
    public void PauseWhileConnected_Occurs_ShowsConnectedAndPause()
    {
        Assert.Contains(run.Snapshots, s => s.Agents.Any(a => a.ConnectedAndPause));
    }

    [Fact]
    public void LateVisibleWrites_Occur_StampedUpToThreeMinutesEarlierAndInSessionOrder()
    {
        var profile = new CentreProfile();
        var late = run.Centre.Writes.Where(w => Stamp(w) < w.At).ToList();

        Assert.True(late.OfType<CallWrite>().Count() >= 20, $"{late.OfType<CallWrite>().Count()} call writes visible after their stamp");
        Assert.NotEmpty(late.OfType<AgentEventWrite>());
        Assert.All(late, w => Assert.InRange(w.At - Stamp(w), TimeSpan.FromSeconds(5), profile.MaxLateVisibility));
        Assert.InRange(late.Count / (double)run.Centre.Writes.Count, profile.LateVisibleShare / 2, profile.LateVisibleShare * 2);
        foreach (var call in run.Centre.Writes.OfType<CallWrite>().GroupBy(w => w.CallId))
        {
            // A later session never lands before an earlier one, and is stamped after the earlier one was visible.
            foreach (var (earlier, later) in call.Zip(call.Skip(1)))
            {
                Assert.True(later.At > earlier.At && Stamp(later) > earlier.At, $"call {call.Key}: a session landed before or beside the one before it");
            }
        }
    }

    /// <summary>Every shape the simulator writes is one Puzzel writes: the Board finds no odd row in any of them.</summary>
    [Fact]
    public void Board_OnEveryShape_ReportsNoAnomaly()
    {
        Assert.NotEmpty(run.Callouts(rows => TransferTargetOf(rows) == TransferTarget.Queue));
        Assert.Empty(run.Centre.Anomalies);
    }

    private static bool HasDeletion(IReadOnlyList<CallEventRow> rows) => rows.Any(r => IsCalloutQueueEvent(r) && r.ResultCode == "d");

    /// <summary>What the rows say the answered callout was handed to (§9.2), read without the engine.</summary>
    private static TransferTarget? TransferTargetOf(IReadOnlyList<CallEventRow> rows)
    {
        var maker = AgentLegs(rows).FirstOrDefault(l => l.ResultCode == "k")?.AgentId;
        if (maker is null || HasDeletion(rows))
        {
            return null;
        }
        if (rows.Any(r => r.EventType == PuzzelCodes.Queue && r.QueueKey == new CentreProfile().TransferQueue.Key))
        {
            return TransferTarget.Queue;
        }
        if (AgentLegs(rows).Any(l => l.AgentId != maker))
        {
            return TransferTarget.Agent;
        }
        return rows.Any(r => r.EventType == PuzzelCodes.Conversation && r.Ciq is null && r.AgentId is null) ? TransferTarget.Number : null;
    }

    /// <summary>
    /// Callouts made from pause (an 'r' a second before an immediate callout the agent ordered) whose 'r' landed after
    /// the order session: the agent, when the order landed, when the 'r' did.
    /// </summary>
    private List<(decimal CallId, int AgentId, DateTime OrderLanded, DateTime ReturnLanded)> LateReturnsFromPause()
    {
        var orders = run.Callouts(rows => !IsScheduled(rows))
            .Select(c => (c.CallId, Agent: OrderingAgent(c.Rows), OrderedAt: c.Rows.First(r => r.EventType == PuzzelCodes.Initiation).DteStart))
            .ToLookup(o => (o.Agent, o.OrderedAt));
        return [.. run.AgentEvents.Where(w => w.Row.EventType == "r")
            .SelectMany(w => orders[(w.Row.AgentId, w.Row.DteStart.AddSeconds(1))].Select(o => (o.CallId, w.Row.AgentId, OrderLanded: run.FirstLanded(o.CallId), ReturnLanded: w.At)))
            .Where(x => x.ReturnLanded > x.OrderLanded)];
    }

    /// <summary>
    /// Pauses clicked within 20 s after an immediate callout of the agent ended and before its rows landed: the call, the
    /// agent, when the board had both the 'p' and the callout's order (either may land late), when the call's rows landed.
    /// </summary>
    private List<(decimal CallId, int AgentId, DateTime Shown, DateTime CallLanded)> WrapUpPauses()
    {
        // Callouts one agent ordered and talked alone: the board gives the open callout to the agent who ordered it.
        var ends = run.Callouts(rows => !IsScheduled(rows) && AgentLegs(rows).Count > 0 && rows.Where(r => r.EventType == PuzzelCodes.Conversation && r.Ciq != PuzzelCodes.ContactLeg).All(r => r.AgentId == OrderingAgent(rows)))
            .Select(c => (c.CallId, Agent: OrderingAgent(c.Rows), Ended: c.Rows.Where(r => r.EventType == PuzzelCodes.Conversation).Max(r => r.DteStart.AddSeconds(r.DurationTotSec))))
            .ToList();
        return [.. run.AgentEvents.Where(w => w.Row.EventType == "p")
            .SelectMany(w => ends.Where(e => e.Agent == w.Row.AgentId && w.Row.DteStart >= e.Ended && w.Row.DteStart <= e.Ended.AddSeconds(20))
                .Select(e => (e.CallId, w.Row.AgentId, Shown: Later(w.At, run.FirstLanded(e.CallId)), CallLanded: run.LastLanded(e.CallId))))
            .Where(x => x.Shown < x.CallLanded)];
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Stamp(RawDataWrite write) => write switch
    {
        CallWrite call => call.Rows[0].DteUpdated!.Value,
        AgentEventWrite agent => agent.Row.DteUpdated!.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(write)),
    };
}
