namespace Callout.Dashboard.Domain.Tests;

/// <summary>An agent's callouts that ended today, in the view's queues: made, by outcome, and talk time.</summary>
public sealed class AgentTodayTests
{
    private static AgentToday TodayOf(BoardSnapshot snapshot, int agentId = Rows.AgentId) =>
        Assert.Single(snapshot.Agents, a => a.AgentId == agentId).Today;

    [Fact]
    public void Today_EachOutcome_IsCountedWhereItBelongs()
    {
        var board = new BoardHarness(At(12, 0));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        board.Apply(
        [
            .. Rows.Completed(1, At(9, 0)),
            .. Rows.Completed(2, At(9, 10)).Select(r => r.Ciq == "c" ? r with { DurationSpeakSec = 81 } : r),
            .. Rows.Completed(3, At(9, 20), "t"),
            .. Rows.Completed(4, At(9, 30), "b"),
            .. Rows.Completed(5, At(9, 40), "e"),
            .. Rows.AgentAttempts(6, At(9, 50), ["b", "c", "e"]),
            .. Rows.Cancelled(7, At(10, 0)),
            .. Rows.Deleted(8, At(10, 0), At(10, 10)),            // never made
            .. Rows.Ordered(9, At(11, 55), agentId: Rows.AgentId), // not ended yet
        ]);

        // Average talk time is over the answered calls, in whole seconds: (80 + 81) / 2.
        Assert.Equal(new AgentToday(7, 2, 1, 2, 1, 1, 161, 80), TodayOf(board.Snapshot()));
    }

    [Fact]
    public void Today_CallsThatEndedYesterday_AreNotCounted()
    {
        var board = new BoardHarness(At(0, 30), new BoardRules { TimeZone = Oslo.Zone, RecentWindow = TimeSpan.FromDays(1) });
        board.ApplyAgents(Rows.AgentEvent("i", At(0, 5)));

        // Ordered 23:57:00 and 23:59:00: the first ends 23:58:40, yesterday; the second 00:00:40, today.
        board.Apply([.. Rows.Completed(1, At(0, 0).AddMinutes(-3)), .. Rows.Completed(2, At(0, 0).AddMinutes(-1))]);

        Assert.Equal(new AgentToday(1, 1, 0, 0, 0, 0, 80, 80), TodayOf(board.Snapshot()));
    }

    [Fact]
    public void Today_FilteredView_CountsOnlyItsQueues()
    {
        var board = new BoardHarness(At(12, 0));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        board.Apply([.. Rows.Completed(1, At(9, 0)), .. Rows.Completed(2, At(9, 10), "t", queueKey: Rows.QueueY)]);

        Assert.Equal(new AgentToday(2, 1, 1, 0, 0, 0, 80, 80), TodayOf(board.Snapshot()));
        Assert.Equal(new AgentToday(1, 1, 0, 0, 0, 0, 80, 80), TodayOf(board.Snapshot(Rows.QueueX)));
        Assert.Equal(new AgentToday(1, 0, 1, 0, 0, 0, 0, 0), TodayOf(board.Snapshot(Rows.QueueY)));
    }

    [Fact]
    public void Today_CallsOfTheAgentWhoMadeThem_NotOfTheOneWhoOrdered()
    {
        // §9.4: a scheduled call ordered by 1001 and made by 1002 belongs to 1002's day.
        var board = new BoardHarness(At(12, 0));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("i", At(8, 0), agentId: Rows.OtherAgentId));
        var rows = Rows.Completed(1, At(9, 0), initiationSec: 3600, agentId: Rows.OtherAgentId);
        rows[0] = rows[0] with { AgentId = Rows.AgentId };

        board.Apply(rows);

        var snapshot = board.Snapshot();
        Assert.Equal(AgentToday.None, TodayOf(snapshot));
        Assert.Equal(1, TodayOf(snapshot, Rows.OtherAgentId).Answered);
    }

    [Fact]
    public void Today_NoCallouts_IsNone()
    {
        var board = new BoardHarness(At(12, 0));

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        Assert.Equal(AgentToday.None, TodayOf(board.Snapshot()));
    }
}
