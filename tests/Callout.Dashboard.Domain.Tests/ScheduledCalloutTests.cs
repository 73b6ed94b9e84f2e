namespace Callout.Dashboard.Domain.Tests;

/// <summary>Scenario E of the domain notes (§4, §8.6): a scheduled call, waiting, overdue, then made.</summary>
public sealed class ScheduledCalloutTests
{
    private static readonly DateTime T0 = At(10, 0);
    private static readonly DateTime T1 = At(11, 0);

    [Fact]
    public void Snapshot_InitiationLongerThanThreshold_IsScheduledPendingDueAtItsEnd()
    {
        var board = new BoardHarness(At(10, 30));

        board.Apply(Rows.Ordered(7001, T0, initiationSec: 3600, agentId: Rows.AgentId));

        var snapshot = board.Snapshot();
        var pending = Assert.Single(snapshot.ScheduledPending);
        Assert.Equal("7001", pending.CallId);
        Assert.Equal(Rows.QueueX, pending.QueueKey);
        Assert.Equal(Rows.Number, pending.Destination);
        Assert.Equal(Rows.AgentId, pending.AgentId);
        AssertTime.Same(Local(T0), pending.OrderedAt);
        AssertTime.Same(Local(T1), pending.DueAt);
        Assert.False(pending.Overdue);
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Equal(1, Assert.Single(snapshot.Queues).Scheduled);
    }

    [Fact]
    public void Snapshot_ClockPastDueTime_IsOverdue()
    {
        var board = new BoardHarness(T1.AddSeconds(-1));
        board.Apply(Rows.Ordered(7001, T0, initiationSec: 3600));
        Assert.False(Assert.Single(board.Snapshot().ScheduledPending).Overdue);

        board.Clock.Advance(TimeSpan.FromMinutes(5));

        var pending = Assert.Single(board.Snapshot().ScheduledPending);
        Assert.True(pending.Overdue);
        Assert.Empty(board.Snapshot().ActiveCallouts); // still waiting in the queue, not "in progress"
    }

    [Fact]
    public void Snapshot_InitiationAtThreshold_IsNotScheduled()
    {
        var board = new BoardHarness(At(10, 0, 30));

        board.Apply(Rows.Ordered(7001, T0, initiationSec: 60));

        var snapshot = board.Snapshot();
        Assert.Empty(snapshot.ScheduledPending);
        Assert.Single(snapshot.ActiveCallouts);
    }

    [Fact]
    public void Snapshot_SessionTwoLandsAfterDueTime_IsCompleted()
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply(Rows.Ordered(7001, T0, initiationSec: 3600));
        board.SetLocalNow(At(11, 5));

        board.Apply(Rows.Completed(7001, T0, initiationSec: 3600));

        var snapshot = board.Snapshot();
        Assert.Empty(snapshot.ScheduledPending);
        Assert.Empty(snapshot.ActiveCallouts);
        var call = Assert.Single(snapshot.RecentCallouts);
        Assert.Equal(CalloutOutcome.Answered, call.Outcome);
        var queue = Assert.Single(snapshot.Queues);
        Assert.Equal(0, queue.Scheduled);
        Assert.Equal(1, queue.AnsweredToday);
    }

    [Fact]
    public void Snapshot_DteScheduledCallback_SetsDueTimeInSolutionZone()
    {
        var board = new BoardHarness(At(10, 30));
        // 13:00 UTC is 14:00 in Oslo in January; the Initiation itself lasts a second.
        var rows = Rows.Ordered(7001, T0);
        rows[0] = rows[0] with { DteScheduledCallback = new DateTimeOffset(2026, 1, 15, 13, 0, 0, TimeSpan.Zero) };

        board.Apply(rows);

        var pending = Assert.Single(board.Snapshot().ScheduledPending);
        AssertTime.Same(Local(At(14, 0)), pending.DueAt);
        Assert.False(pending.Overdue);
        Assert.Empty(board.Snapshot().ActiveCallouts);

        board.SetLocalNow(At(14, 1));
        Assert.True(Assert.Single(board.Snapshot().ScheduledPending).Overdue);
    }

    [Fact]
    public void Snapshot_ScheduledCalls_AreOrderedByDueTime()
    {
        var board = new BoardHarness(At(9, 0));

        board.Apply([.. Rows.Ordered(2, At(8, 0), initiationSec: 7200), .. Rows.Ordered(1, At(8, 30), initiationSec: 1800)]);

        var pending = board.Snapshot().ScheduledPending;
        Assert.Equal(["1", "2"], pending.Select(p => p.CallId));
        Assert.Equal(2, Assert.Single(board.Snapshot().Queues).Scheduled);
    }
}
