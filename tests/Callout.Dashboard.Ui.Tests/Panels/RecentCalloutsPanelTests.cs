namespace Callout.Dashboard.Ui.Tests.Panels;

/// <summary>What the "Just finished" rows say of who made a call and where it was handed on (§9.2, §9.4).</summary>
public sealed class RecentCalloutsPanelTests
{
    [Fact]
    public async Task Row_ScheduledCallMadeByAnotherAgent_NamesBothAgents()
    {
        await using var h = new UiHarness(At(10, 30));
        var legs = Rows.Answered(7001, At(10, 0), agentId: Rows.OtherAgentId).Skip(2);
        h.Poll([.. Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId), .. legs]);

        var cut = h.RenderPanel<RecentCalloutsPanel>();

        Assert.Contains("Ola Hansen for Kari Nordmann", cut.Find("tr[data-call='7001']").TextContent);
    }

    [Fact]
    public async Task Row_TransferredToAnotherAgent_SaysWhereTo()
    {
        await using var h = new UiHarness(At(10, 30));
        var answered = Rows.Answered(7001, At(10, 0));
        var transfer = answered[2] with { RecId = 9, CallSequence = 9, DteStart = answered[2].DteStart.AddSeconds(60), AgentId = Rows.OtherAgentId, QueueKey = null };
        h.Poll([.. answered, transfer]);

        var cut = h.RenderPanel<RecentCalloutsPanel>();

        var row = cut.Find("tr[data-call='7001']").TextContent;
        Assert.Contains("transferred to agent", row);
        Assert.Contains("Kari Nordmann", row);
        Assert.DoesNotContain(" for ", row);
    }
}
