namespace Callout.Dashboard.Domain.Tests;

/// <summary>
/// What an agent does now, from the agent's status events corrected by the callouts (§9.3): on a callout,
/// Connected-and-Pause, paused, free since the last call ended, or logged off, each with its since.
/// </summary>
public sealed class AgentActivityTests
{
    private static AgentActivity ActivityOf(BoardHarness board, int agentId = Rows.AgentId) =>
        Assert.Single(board.Snapshot().Agents, a => a.AgentId == agentId).Activity;

    private static void Is(AgentActivity expected, AgentActivity actual)
    {
        Assert.Equal(expected, actual);
        AssertTime.Same(expected.Since, actual.Since);
    }

    [Fact]
    public void Activity_LoggedOnWithAnOpenCallout_IsOnCalloutSinceItsOrder()
    {
        var board = new BoardHarness(At(10, 6));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));

        Is(new AgentActivity(ActivityState.OnCallout, Local(At(10, 0)), Rows.QueueX, "7001"), ActivityOf(board));
    }

    [Fact]
    public void Activity_TwoOpenCallouts_IsOnTheLatest()
    {
        var board = new BoardHarness(At(10, 6));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        board.Apply([.. Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId), .. Rows.Ordered(7002, At(10, 4), queueKey: Rows.QueueY, agentId: Rows.AgentId)]);

        Is(new AgentActivity(ActivityState.OnCallout, Local(At(10, 4)), Rows.QueueY, "7002"), ActivityOf(board));
    }

    [Fact]
    public void Activity_PauseClickedWhileConnected_IsConnectedAndPauseSinceThePause()
    {
        var board = new BoardHarness(At(10, 6));
        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(10, 2), pauseType: "Admin"));

        Is(new AgentActivity(ActivityState.ConnectedAndPause, Local(At(10, 2)), Rows.QueueX, "7001", "Admin"), ActivityOf(board));
    }

    [Fact]
    public void Activity_PausedWithoutCallout_IsPausedSinceThePauseWithItsType()
    {
        var board = new BoardHarness(At(10, 6));

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(9, 0), pauseType: "Lunch"));

        Is(new AgentActivity(ActivityState.Paused, Local(At(9, 0)), PauseType: "Lunch"), ActivityOf(board));
    }

    [Fact]
    public void Activity_CalledOutWhilePausedBeforeTheReturnLanded_IsOnCallout()
    {
        // §9.3: calling out while paused aborts the pause; the 'r' has not landed yet.
        var board = new BoardHarness(At(10, 6));
        board.ApplyAgents(Rows.AgentEvent("p", At(9, 0), pauseType: "Lunch"));

        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));

        Is(new AgentActivity(ActivityState.OnCallout, Local(At(10, 0)), Rows.QueueX, "7001"), ActivityOf(board));
        Assert.Equal(AgentPresence.LoggedOn, Assert.Single(board.Snapshot().Agents).Status);
    }

    [Fact]
    public void Activity_LoggedOnAfterACall_IsFreeSinceTheCallEnded()
    {
        var board = new BoardHarness(At(10, 30));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        board.Apply([.. Rows.Completed(1, At(9, 0)), .. Rows.Completed(2, At(10, 0))]);

        // The later call's agent leg ends 100 s after its order.
        Is(new AgentActivity(ActivityState.Free, Local(At(10, 1, 40))), ActivityOf(board));
    }

    [Fact]
    public void Activity_LoggedOnWithoutCalls_IsFreeSinceLogOn()
    {
        var board = new BoardHarness(At(10, 30));

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        Is(new AgentActivity(ActivityState.Free, Local(At(8, 0))), ActivityOf(board));
    }

    [Fact]
    public void Activity_ReturnedFromPauseAfterTheLastCall_IsFreeSinceTheReturn()
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply(Rows.Completed(1, At(9, 0)));

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(9, 10)), Rows.AgentEvent("r", At(9, 40)));

        Is(new AgentActivity(ActivityState.Free, Local(At(9, 40))), ActivityOf(board));
    }

    [Fact]
    public void Activity_OpenCalloutAwaitingData_IsNoLongerOnCallout()
    {
        var board = new BoardHarness(At(10, 31));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));

        Is(new AgentActivity(ActivityState.Free, Local(At(8, 0))), ActivityOf(board));
    }

    [Fact]
    public void Activity_ScheduledCallOfTheAgentDeleted_IsNoCallThatEnded()
    {
        // An admin deleted the agent's scheduled call at 10:20: no call was made, the agent is free since the call that ended 09:01:40.
        var board = new BoardHarness(At(10, 30));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        board.Apply([.. Rows.Completed(1, At(9, 0)), .. Rows.Deleted(2, At(9, 30), At(10, 20))]);

        Is(new AgentActivity(ActivityState.Free, Local(At(9, 1, 40))), ActivityOf(board));
    }

    [Fact]
    public void Activity_LoggedOff_IsLoggedOffSinceTheLogOff()
    {
        var board = new BoardHarness(At(12, 0));
        board.Apply(Rows.Completed(1, At(9, 0)));

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("o", At(11, 0)));

        Is(new AgentActivity(ActivityState.LoggedOff, Local(At(11, 0))), ActivityOf(board));
    }
}
