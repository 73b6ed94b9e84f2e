namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>
/// Which alarms a view's snapshot carries: those of its queues, those of the agents it shows (agents are not tied to
/// queues in Raw data: a view shows those who work its callouts), and the board's own (data age) in every view but
/// one that matches nothing.
/// </summary>
public sealed class AlarmViewFilterTests
{
    private static IEnumerable<string> Rules(BoardSnapshot snapshot) => snapshot.Alarms.Select(a => $"{BoardJson.Name(a.Rule)}:{a.QueueKey}:{a.AgentId}").Order();

    [Fact]
    public void Snapshot_QueueAlarm_OnlyInViewsOfItsQueue()
    {
        var board = new BoardHarness(At(10, 12));

        board.Apply(Rows.Ordered(7001, At(10, 0)));

        Assert.Equal(["open-callout:__Callout_X:"], Rules(board.Snapshot()));
        Assert.Equal(["open-callout:__Callout_X:"], Rules(board.Snapshot(Rows.QueueX)));
        Assert.Equal(["open-callout:__Callout_X:"], Rules(board.Snapshot(Rows.QueueX, Rows.QueueY)));
        Assert.Empty(board.Snapshot(Rows.QueueY).Alarms);
        Assert.Empty(board.Board.Snapshot(QueueFilter.Nothing).Alarms);
    }

    [Fact]
    public void Snapshot_AgentAlarm_InViewsWhoseAgentsIncludeTheAgent()
    {
        // Agent 1001 made a callout in X today and is now on a long Coffee pause; agent 1002 works Y.
        var board = new BoardHarness(At(10, 30));
        board.Apply([.. Rows.Completed(1, At(9, 0)), .. Rows.Completed(2, At(9, 5), queueKey: Rows.QueueY, agentId: Rows.OtherAgentId)]);

        board.ApplyAgents(Rows.AgentEvent("p", At(10, 0), pauseType: "Coffee"), Rows.AgentEvent("i", At(8, 0), agentId: Rows.OtherAgentId));

        Assert.Equal(["long-pause::1001"], Rules(board.Snapshot()));
        Assert.Equal(["long-pause::1001"], Rules(board.Snapshot(Rows.QueueX)));
        Assert.Contains(board.Snapshot(Rows.QueueX).Agents, a => a.AgentId == Rows.AgentId);
        Assert.Empty(board.Snapshot(Rows.QueueY).Alarms);
        Assert.Empty(board.Board.Snapshot(QueueFilter.Nothing).Alarms);
    }

    [Fact]
    public void Snapshot_AgentNotReachable_InViewsOfTheQueueItNames()
    {
        var board = new BoardHarness(At(10, 10));

        board.Apply(Rows.AgentAttempts(7001, At(10, 0), ["b", "c", "e"], queueKey: Rows.QueueY));

        Assert.Equal(["agent-not-reachable:__Callout_Y:1001"], Rules(board.Snapshot(Rows.QueueY)));
        Assert.Empty(board.Snapshot(Rows.QueueX).Alarms);
    }

    [Fact]
    public void Snapshot_BoardWideAlarm_InEveryViewButNothing()
    {
        var board = new BoardHarness(At(10, 2));

        board.Board.RecordPoll(false, "connection refused");

        Assert.Equal(["data-age::"], Rules(board.Snapshot()));
        Assert.Equal(["data-age::"], Rules(board.Snapshot(Rows.QueueX)));
        Assert.Equal(["data-age::"], Rules(board.Snapshot("__Callout_Unknown")));
        Assert.Empty(board.Board.Snapshot(QueueFilter.Nothing).Alarms);
    }

    [Fact]
    public void Snapshot_Alarms_AreWorstThenOldestFirst()
    {
        var board = new BoardHarness(At(10, 25));

        board.Apply([.. Rows.Ordered(1, At(10, 10)), .. Rows.Ordered(2, At(10, 0)), .. Rows.Ordered(3, At(10, 3))]);

        // 2: 25 minutes open (alarm); 3: 22 (alarm, later since); 1: 15 (warning).
        Assert.Equal(["2", "3", "1"], board.Snapshot().Alarms.Select(a => a.CallId));
    }
}
