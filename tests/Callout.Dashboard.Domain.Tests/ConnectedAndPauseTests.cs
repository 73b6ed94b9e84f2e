namespace Callout.Dashboard.Domain.Tests;

/// <summary>Scenarios J and K of the domain notes (§4, §8.7): pause combined with a callout.</summary>
public sealed class ConnectedAndPauseTests
{
    [Fact]
    public void Snapshot_CalloutMadeAfterReturnFromPause_IsLoggedOnNotConnectedAndPause()
    {
        var board = new BoardHarness(At(10, 1));
        board.ApplyAgents(
            Rows.AgentEvent("i", At(8, 0)),
            Rows.AgentEvent("p", At(9, 0), pauseType: "Lunch"),
            Rows.AgentEvent("r", At(9, 59, 58)));

        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));

        var snapshot = board.Snapshot();
        Assert.Single(snapshot.ActiveCallouts);
        var agent = Assert.Single(snapshot.Agents);
        Assert.Equal(AgentPresence.LoggedOn, agent.Status);
        Assert.Null(agent.PauseType);
        Assert.False(agent.ConnectedAndPause);
    }

    [Fact]
    public void Snapshot_CompletedCalloutMadeAfterReturnFromPause_IsLoggedOn()
    {
        var board = new BoardHarness(At(10, 30));
        board.ApplyAgents(Rows.AgentEvent("p", At(9, 0), pauseType: "Lunch"), Rows.AgentEvent("r", At(9, 59, 58)));

        board.Apply(Rows.Completed(7001, At(10, 0)));

        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal(AgentPresence.LoggedOn, agent.Status);
        Assert.False(agent.ConnectedAndPause);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Snapshot_PausedAgentWithCalloutInProgress_IsConnectedAndPause(bool agentOnQueueRow)
    {
        var board = new BoardHarness(At(10, 10));
        var rows = Rows.Ordered(7001, At(10, 0));
        // §8.5: the ordering agent comes from the order session's Queue or Initiation row.
        rows[agentOnQueueRow ? 1 : 0] = rows[agentOnQueueRow ? 1 : 0] with { AgentId = Rows.AgentId };
        board.Apply(rows);

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(10, 2), pauseType: "Admin"));

        var snapshot = board.Snapshot();
        var active = Assert.Single(snapshot.ActiveCallouts);
        Assert.Equal(ActiveState.InProgress, active.State);
        Assert.Equal(Rows.AgentId, active.AgentId);
        var agent = Assert.Single(snapshot.Agents);
        Assert.Equal(AgentPresence.Paused, agent.Status);
        Assert.Equal("Admin", agent.PauseType);
        Assert.True(agent.ConnectedAndPause);
    }

    [Fact]
    public void Snapshot_InProgressPastLimit_IsAwaitingDataAndNoLongerConnected()
    {
        var board = new BoardHarness(At(10, 10));
        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));
        board.ApplyAgents(Rows.AgentEvent("p", At(10, 2), pauseType: "Admin"));
        Assert.True(Assert.Single(board.Snapshot().Agents).ConnectedAndPause);

        board.SetLocalNow(At(10, 31)); // InProgressLimit is 30 minutes by default

        var snapshot = board.Snapshot();
        var active = Assert.Single(snapshot.ActiveCallouts);
        Assert.Equal(ActiveState.AwaitingData, active.State);
        Assert.Equal(1, Assert.Single(snapshot.Queues).Active);
        var agent = Assert.Single(snapshot.Agents);
        Assert.Equal(AgentPresence.Paused, agent.Status);
        Assert.False(agent.ConnectedAndPause);
    }

    [Fact]
    public void Snapshot_PausedAgentWhoseCalloutCompleted_IsNotConnectedAndPause()
    {
        var board = new BoardHarness(At(10, 10));
        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));
        board.ApplyAgents(Rows.AgentEvent("p", At(10, 2), pauseType: "Admin"));

        board.Apply(Rows.Completed(7001, At(10, 0)));

        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal(AgentPresence.Paused, agent.Status);
        Assert.False(agent.ConnectedAndPause);
    }

    [Fact]
    public void Snapshot_PausedAgentWithPendingScheduledCall_IsNotConnectedAndPause()
    {
        var board = new BoardHarness(At(10, 10));
        board.Apply(Rows.Ordered(7001, At(10, 0), initiationSec: 3600, agentId: Rows.AgentId));

        board.ApplyAgents(Rows.AgentEvent("p", At(10, 2), pauseType: "Admin"));

        Assert.False(Assert.Single(board.Snapshot().Agents).ConnectedAndPause);
    }

    [Fact]
    public void Snapshot_LoggedOnAgentWithCalloutInProgress_IsNotConnectedAndPause()
    {
        var board = new BoardHarness(At(10, 10));
        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal(AgentPresence.LoggedOn, agent.Status);
        Assert.False(agent.ConnectedAndPause);
    }
}
