namespace Callout.Dashboard.Domain.Tests;

/// <summary>§8.7: an agent's status from the latest i/o/p/r agent event; names from the agents table.</summary>
public sealed class AgentStatusTests
{
    [Theory]
    [InlineData("i", AgentPresence.LoggedOn)]
    [InlineData("r", AgentPresence.LoggedOn)]
    [InlineData("o", AgentPresence.LoggedOff)]
    [InlineData("p", AgentPresence.Paused)]
    [InlineData("P", AgentPresence.Paused)]
    public void Snapshot_LatestAgentEvent_DecidesStatus(string latest, AgentPresence expected)
    {
        var board = new BoardHarness(At(10, 0));

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent(latest, At(9, 0), pauseType: latest.Equals("p", StringComparison.OrdinalIgnoreCase) ? "Lunch" : null));

        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal(expected, agent.Status);
        AssertTime.Same(Local(At(9, 0)), agent.Since);
    }

    [Fact]
    public void Snapshot_PauseThenReturn_FollowsEachEvent()
    {
        var board = new BoardHarness(At(12, 0));

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));
        Assert.Equal(AgentPresence.LoggedOn, Assert.Single(board.Snapshot().Agents).Status);

        board.ApplyAgents(Rows.AgentEvent("p", At(9, 0), pauseType: "Lunch"));
        var paused = Assert.Single(board.Snapshot().Agents);
        Assert.Equal(AgentPresence.Paused, paused.Status);
        Assert.Equal("Lunch", paused.PauseType);

        board.ApplyAgents(Rows.AgentEvent("p", At(9, 30), pauseType: "Meeting"));
        Assert.Equal("Meeting", Assert.Single(board.Snapshot().Agents).PauseType);

        board.ApplyAgents(Rows.AgentEvent("r", At(10, 0)));
        var back = Assert.Single(board.Snapshot().Agents);
        Assert.Equal(AgentPresence.LoggedOn, back.Status);
        Assert.Null(back.PauseType);

        board.ApplyAgents(Rows.AgentEvent("o", At(11, 0)));
        Assert.Equal(AgentPresence.LoggedOff, Assert.Single(board.Snapshot().Agents).Status);
    }

    [Theory]
    [InlineData(0, 400)]   // i, then p 400 ms later
    [InlineData(400, 0)]   // p, then i 400 ms later
    [InlineData(1000, 0)] // p, then i exactly one second later
    public void Snapshot_LogOnAndPauseWithinOneSecond_IsPaused(int logOnMs, int pauseMs)
    {
        var board = new BoardHarness(At(10, 0));

        board.ApplyAgents(
            Rows.AgentEvent("i", At(8, 0).AddMilliseconds(logOnMs)),
            Rows.AgentEvent("p", At(8, 0).AddMilliseconds(pauseMs), pauseType: "Training"));

        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal(AgentPresence.Paused, agent.Status);
        Assert.Equal("Training", agent.PauseType);
    }

    [Fact]
    public void Snapshot_LogOnLongAfterPause_IsLoggedOn()
    {
        var board = new BoardHarness(At(10, 0));

        board.ApplyAgents(Rows.AgentEvent("p", At(8, 0), pauseType: "Lunch"), Rows.AgentEvent("i", At(8, 0, 5)));

        Assert.Equal(AgentPresence.LoggedOn, Assert.Single(board.Snapshot().Agents).Status);
    }

    [Fact]
    public void Apply_OlderEventArrivingLater_KeepsLatestStatus()
    {
        var board = new BoardHarness(At(10, 0));
        board.ApplyAgents(Rows.AgentEvent("p", At(9, 0), pauseType: "Lunch"));

        var result = board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        Assert.Null(result.Delta);
        Assert.Equal(AgentPresence.Paused, Assert.Single(board.Snapshot().Agents).Status);
    }

    [Fact]
    public void Apply_SameEventsInTwoBatches_SecondChangesNothing()
    {
        var board = new BoardHarness(At(10, 0));
        AgentEventRow[] events = [Rows.AgentEvent("i", At(8, 0), recId: 1), Rows.AgentEvent("p", At(9, 0), pauseType: "Lunch", recId: 2)];
        board.ApplyAgents(events);
        var version = board.Board.State.Version;

        var again = board.ApplyAgents(events);
        // An overlapping poll may read the same event again; rec_id alone does not make it new.
        var reloaded = board.ApplyAgents(events.Select(e => e with { RecId = e.RecId + 100 }));

        Assert.Null(again.Delta);
        Assert.Null(reloaded.Delta);
        Assert.Equal(version, board.Board.State.Version);
    }

    [Fact]
    public void Apply_CallCopyRows_AreIgnoredForStatus()
    {
        var board = new BoardHarness(At(10, 0));
        board.ApplyAgents(Rows.AgentEvent("p", At(9, 0), pauseType: "Lunch"));

        var result = board.ApplyAgents(Rows.AgentEvent("c", At(9, 30)), Rows.AgentEvent("c", At(9, 40), agentId: Rows.OtherAgentId));

        Assert.Null(result.Delta);
        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal(Rows.AgentId, agent.AgentId);
        Assert.Equal(AgentPresence.Paused, agent.Status);
    }

    [Fact]
    public void Snapshot_AgentRowFullName_NamesAgentAndTeam()
    {
        var board = new BoardHarness(At(10, 0));

        board.Board.Apply(new PollBatch([], [Rows.AgentEvent("i", At(8, 0))], Agents: [new AgentRow(Rows.AgentId, "ola", "Ola Nordmann", 7, "Team North", false)]));

        var agent = Assert.Single(board.Snapshot().Agents);
        Assert.Equal("Ola Nordmann", agent.Name);
        Assert.Equal("Team North", agent.Team);
    }

    [Fact]
    public void Snapshot_FullNameAutogeneratedFromOdr_FallsBackToUserName()
    {
        var board = new BoardHarness(At(10, 0));

        board.Board.Apply(new PollBatch([], [Rows.AgentEvent("i", At(8, 0))], Agents: [new AgentRow(Rows.AgentId, "guest17", "AutogeneratedFromOdr", null, null, false)]));

        Assert.Equal("guest17", Assert.Single(board.Snapshot().Agents).Name);
    }

    [Theory]
    [InlineData(false, null, null)]
    [InlineData(true, null, null)]
    [InlineData(true, "", "AutogeneratedFromOdr")]
    public void Snapshot_NoUsableName_IsAgentN(bool hasRow, string? userName, string? fullName)
    {
        var board = new BoardHarness(At(10, 0));
        AgentRow[] agents = hasRow ? [new AgentRow(Rows.AgentId, userName, fullName, null, null, false)] : [];

        board.Board.Apply(new PollBatch([], [Rows.AgentEvent("i", At(8, 0))], Agents: agents));

        Assert.Equal("Agent 1001", Assert.Single(board.Snapshot().Agents).Name);
    }

    [Fact]
    public void Snapshot_AgentsLoggedOffBeforeToday_AreHidden()
    {
        var board = new BoardHarness(At(10, 0));

        board.ApplyAgents(
            Rows.AgentEvent("o", At(0, 0).AddHours(-2), agentId: 1),
            Rows.AgentEvent("o", At(9, 0), agentId: 2),
            Rows.AgentEvent("i", At(0, 0).AddHours(-3), agentId: 3));

        Assert.Equal([2, 3], board.Snapshot().Agents.Select(a => a.AgentId).Order());
    }

    [Fact]
    public void Snapshot_Agents_AreOrderedByName()
    {
        var board = new BoardHarness(At(10, 0));

        board.Board.Apply(new PollBatch(
            [],
            [Rows.AgentEvent("i", At(8, 0), agentId: 1), Rows.AgentEvent("i", At(8, 0), agentId: 2)],
            Agents: [new AgentRow(1, "z", "Zoe", null, null, false), new AgentRow(2, "a", "anne", null, null, false)]));

        Assert.Equal(["anne", "Zoe"], board.Snapshot().Agents.Select(a => a.Name));
    }
}
