namespace Callout.Dashboard.Domain.Tests;

/// <summary><see cref="Board.Prune"/> forgets finished calls of past days, never pending scheduled ones.</summary>
public sealed class PruneTests
{
    private static readonly DateTime Yesterday = Winter.AddDays(-1);

    [Fact]
    public void Prune_FinishedCallsFromYesterday_AreDropped()
    {
        var board = new BoardHarness(At(9, 0));
        board.Apply(
        [
            .. Rows.Completed(1, Yesterday.AddHours(20)),
            .. Rows.Rewritten([.. Rows.Ordered(2, Yesterday.AddHours(15)), Rows.Queue(2, Yesterday.AddHours(15.5), "d")], 10),
            .. Rows.Completed(3, At(8, 0)),
        ]);

        var pruned = board.Board.Prune();

        Assert.Equal(2, pruned);
        Assert.Equal([3m], board.Board.State.Calls.Keys);
    }

    [Fact]
    public void Prune_PendingScheduledFromYesterday_Stay()
    {
        var board = new BoardHarness(At(9, 0));
        board.Apply(
        [
            .. Rows.Ordered(1, Yesterday.AddHours(16), initiationSec: 24 * 3600), // due 16:00 today
            .. Rows.Ordered(2, Yesterday.AddHours(16), initiationSec: 3600),      // overdue since yesterday 17:00
        ]);

        var pruned = board.Board.Prune();

        Assert.Equal(0, pruned);
        var pending = board.Snapshot().ScheduledPending;
        Assert.Equal(["2", "1"], pending.Select(p => p.CallId));
        Assert.Equal([true, false], pending.Select(p => p.Overdue));
    }

    [Fact]
    public void Prune_JustAfterMidnight_KeepsCallsInsideRecentWindow()
    {
        var board = new BoardHarness(At(0, 30));
        board.Apply([.. Rows.Completed(1, At(0, 0).AddMinutes(-15)), .. Rows.Completed(2, At(0, 0).AddHours(-3))]);

        board.Board.Prune();

        Assert.Equal([1m], board.Board.State.Calls.Keys);
        Assert.Equal("1", Assert.Single(board.Snapshot().RecentCallouts).CallId);
    }

    [Fact]
    public void Prune_AgentsLoggedOffBeforeToday_AreDropped()
    {
        var board = new BoardHarness(At(9, 0));
        board.ApplyAgents(
            Rows.AgentEvent("o", Yesterday.AddHours(17), agentId: 1),
            Rows.AgentEvent("p", Yesterday.AddHours(17), agentId: 2, pauseType: "Lunch"),
            Rows.AgentEvent("o", At(8, 0), agentId: 3));

        board.Board.Prune();

        Assert.Equal([2, 3], board.Board.State.AgentStatuses.Keys.Order());
    }

    [Fact]
    public void Prune_ThenSameRowsAgain_RebuildsSameView()
    {
        var board = new BoardHarness(At(9, 0));
        var today = Rows.Completed(3, At(8, 0));
        board.Apply([.. Rows.Completed(1, Yesterday.AddHours(20)), .. today]);
        var before = board.Snapshot();

        board.Board.Prune();
        var after = board.Snapshot();

        Assert.Equal(before.RecentCallouts, after.RecentCallouts);
        Assert.Equal(before.Queues, after.Queues);
    }
}
