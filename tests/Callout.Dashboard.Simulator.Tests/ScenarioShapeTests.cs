using Callout.Dashboard.Domain;
using Callout.Dashboard.Simulator;
using static Callout.Dashboard.Simulator.Tests.FourSeededHours;

namespace Callout.Dashboard.Simulator.Tests;

/// <summary>
/// Each shape of the seed page ("Outgoing calls") and §9 occurs in the generator's rows, and the real Board folds it as
/// §9.1–9.4 say.
/// </summary>
public sealed class ScenarioShapeTests(FourSeededHours run) : IClassFixture<FourSeededHours>
{
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

        Assert.True(lateReturns.Count >= 10, $"{lateReturns.Count} returns from pause landed after their callout's order");
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
