namespace Callout.Dashboard.Domain.Tests;

/// <summary>Scenario G of the domain notes (§4, §8.4): agent-to-agent calls are counted, never listed as callouts.</summary>
public sealed class AgentToAgentTests
{
    private static CallEventRow[] FlaggedCall(decimal callId, DateTime at) =>
    [
        Rows.Initiation(callId, at) with { Source = Rows.AgentPhone, Destination = "4790000002", AgentId = Rows.AgentId, Agent2Agent = 1 },
        Rows.AgentLeg(callId, at.AddSeconds(2), agentId: Rows.OtherAgentId, recId: 2, sequence: 2) with { QueueKey = null, Ciq = null },
    ];

    private static CallEventRow[] MaskedSourceCall(decimal callId, DateTime at) =>
    [
        Rows.Initiation(callId, at) with { Source = PuzzelCodes.AgentToAgentSource, Destination = "4790000002" },
        Rows.AgentLeg(callId, at.AddSeconds(2), agentId: Rows.OtherAgentId, recId: 2, sequence: 2) with { QueueKey = null, Ciq = null },
    ];

    [Fact]
    public void Snapshot_Agent2AgentFlagOnInitiation_CountsAgentToAgentOnly()
    {
        var board = new BoardHarness(At(10, 30));

        board.Apply(FlaggedCall(8001, At(10, 0)));

        AssertCountedNotListed(board.Snapshot(), expectedCount: 1);
    }

    [Fact]
    public void Snapshot_SourceXxxxxxxxWithoutQueueEvent_CountsAgentToAgentOnly()
    {
        var board = new BoardHarness(At(10, 30));

        board.Apply(MaskedSourceCall(8002, At(10, 0)));

        AssertCountedNotListed(board.Snapshot(), expectedCount: 1);
    }

    [Fact]
    public void Snapshot_Agent2AgentFlagWithCalloutQueueEvent_IsStillNotACallout()
    {
        var board = new BoardHarness(At(10, 30));
        var rows = Rows.Completed(8003, At(10, 0));
        rows[0] = rows[0] with { Agent2Agent = 1 };

        board.Apply(rows);

        AssertCountedNotListed(board.Snapshot(), expectedCount: 1);
    }

    [Fact]
    public void Snapshot_SourceXxxxxxxxWithCalloutQueueEvent_IsACallout()
    {
        var board = new BoardHarness(At(10, 30));
        var rows = Rows.Ordered(8004, At(10, 0));
        rows[0] = rows[0] with { Source = PuzzelCodes.AgentToAgentSource };

        board.Apply(rows);

        var snapshot = board.Snapshot();
        Assert.Equal(0, snapshot.AgentToAgentToday);
        Assert.Single(snapshot.ActiveCallouts);
    }

    [Fact]
    public void Snapshot_FilteredView_ShowsNoAgentToAgentCalls()
    {
        var board = new BoardHarness(At(10, 30));

        board.Apply([.. FlaggedCall(8001, At(10, 0)), .. MaskedSourceCall(8002, At(10, 5))]);

        Assert.Equal(2, board.Snapshot().AgentToAgentToday);
        Assert.Equal(0, board.Snapshot(Rows.QueueX).AgentToAgentToday);
    }

    [Fact]
    public void Snapshot_AgentToAgentCallFromYesterday_IsNotCountedToday()
    {
        var board = new BoardHarness(At(0, 10));

        board.Apply(FlaggedCall(8001, At(0, 0).AddMinutes(-5)));

        Assert.Equal(0, board.Snapshot().AgentToAgentToday);
    }

    private static void AssertCountedNotListed(BoardSnapshot snapshot, int expectedCount)
    {
        Assert.Equal(expectedCount, snapshot.AgentToAgentToday);
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Empty(snapshot.RecentCallouts);
        Assert.Empty(snapshot.ScheduledPending);
        Assert.Empty(snapshot.RecentCancelled);
        Assert.Empty(snapshot.Queues);
    }
}
