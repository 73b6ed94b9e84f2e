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

    private static DateTime Stamp(RawDataWrite write) => write switch
    {
        CallWrite call => call.Rows[0].DteUpdated!.Value,
        AgentEventWrite agent => agent.Row.DteUpdated!.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(write)),
    };
}
