namespace Callout.Dashboard.Domain.Tests;

/// <summary>§8.6 "in progress": an immediate callout ordered, with no Conversation rows yet.</summary>
public sealed class ActiveCalloutTests
{
    [Fact]
    public void Snapshot_ImmediateOrderWithoutConversations_IsActiveInProgress()
    {
        var board = new BoardHarness(At(10, 2));

        var result = board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));

        Assert.Empty(result.Anomalies);
        var snapshot = board.Snapshot();
        var active = Assert.Single(snapshot.ActiveCallouts);
        Assert.Equal(new ActiveCallout("7001", Rows.QueueX, Rows.AgentId, Rows.Number, Local(At(10, 0)), ActiveState.InProgress, OrderedByAgentId: Rows.AgentId), active);
        Assert.Empty(snapshot.RecentCallouts);
        Assert.Empty(snapshot.ScheduledPending);
        Assert.Empty(snapshot.RecentCancelled);
        Assert.Equal(new QueueSummary(Rows.QueueX, Rows.QueueX, 1, 0, 0, 0, 0), Assert.Single(snapshot.Queues));
    }

    [Fact]
    public void Snapshot_OrderWithoutAgentId_HasUnknownAgent()
    {
        var board = new BoardHarness(At(10, 2));

        board.Apply(Rows.Ordered(7001, At(10, 0)));

        Assert.Null(Assert.Single(board.Snapshot().ActiveCallouts).AgentId);
    }

    [Fact]
    public void Snapshot_InProgressExactlyAtLimit_IsStillInProgress()
    {
        var board = new BoardHarness(At(10, 30));

        board.Apply(Rows.Ordered(7001, At(10, 0)));

        Assert.Equal(ActiveState.InProgress, Assert.Single(board.Snapshot().ActiveCallouts).State);
    }

    [Fact]
    public void Snapshot_CustomInProgressLimit_IsAwaitingDataSooner()
    {
        var board = new BoardHarness(At(10, 6), new BoardRules { TimeZone = Oslo.Zone, InProgressLimit = TimeSpan.FromMinutes(5) });

        board.Apply(Rows.Ordered(7001, At(10, 0)));

        Assert.Equal(ActiveState.AwaitingData, Assert.Single(board.Snapshot().ActiveCallouts).State);
    }

    [Fact]
    public void Snapshot_ActiveCallouts_AreOrderedByOrderTime()
    {
        var board = new BoardHarness(At(10, 10));

        board.Apply([.. Rows.Ordered(3, At(10, 5)), .. Rows.Ordered(1, At(10, 9)), .. Rows.Ordered(2, At(10, 1))]);

        var snapshot = board.Snapshot();
        Assert.Equal(["2", "3", "1"], snapshot.ActiveCallouts.Select(a => a.CallId));
        Assert.Equal(3, Assert.Single(snapshot.Queues).Active);
    }

    [Fact]
    public void Snapshot_CallIdBeyondInt64_IsExactString()
    {
        const decimal callId = 9876543210987654321m;
        var board = new BoardHarness(At(10, 30));

        board.Apply([.. Rows.Ordered(callId, At(10, 0)), .. Rows.Completed(callId + 1, At(10, 5))]);

        var snapshot = board.Snapshot();
        Assert.Equal("9876543210987654321", Assert.Single(snapshot.ActiveCallouts).CallId);
        Assert.Equal("9876543210987654322", Assert.Single(snapshot.RecentCallouts).CallId);
        Assert.Contains(callId, board.Board.State.Calls.Keys);
    }

    [Fact]
    public void Snapshot_CallIdWithDecimalScale_HasNoFractionDigits()
    {
        // numeric(19,0) may arrive as a decimal with a scale (7001.0); the JSON id stays "7001".
        var board = new BoardHarness(At(10, 30));

        board.Apply(Rows.Ordered(7001.0m, At(10, 0)));

        Assert.Equal("7001", Assert.Single(board.Snapshot().ActiveCallouts).CallId);
    }
}
