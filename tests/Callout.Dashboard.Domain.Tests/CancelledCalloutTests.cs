namespace Callout.Dashboard.Domain.Tests;

/// <summary>Scenarios D and F of the domain notes (§4): a Queue event with result 'd'.</summary>
public sealed class CancelledCalloutTests
{
    [Fact]
    public void Snapshot_AgentClickedCancel_IsRecentCancelledKindCancelled()
    {
        var board = new BoardHarness(At(10, 30));
        var start = Rows.CallStart(At(10, 0));
        var rows = Rows.Rewritten(
            [
                .. Rows.Ordered(7001, At(10, 0)),
                Rows.AgentLeg(7001, start, "h", durationSec: 8, speakSec: 0),
                Rows.Queue(7001, start.AddSeconds(8), "d"),
            ],
            firstRecId: 100);

        var result = board.Apply(rows);

        Assert.Empty(result.Anomalies);
        var snapshot = board.Snapshot();
        var cancelled = Assert.Single(snapshot.RecentCancelled);
        Assert.Equal(new CancelledCallout("7001", Rows.QueueX, CancelKind.Cancelled, Local(start.AddSeconds(8)), Rows.AgentId), cancelled);
        AssertTime.Same(Local(start.AddSeconds(8)), cancelled.At);
        Assert.Empty(snapshot.RecentCallouts);
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Empty(snapshot.ScheduledPending);
        var queue = Assert.Single(snapshot.Queues);
        Assert.Equal(new QueueSummary(Rows.QueueX, Rows.QueueX, 0, 0, 1, 0, 0), queue);
    }

    [Fact]
    public void Snapshot_ScheduledCallDeleted_MovesFromScheduledToRecentCancelledKindDeleted()
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply(Rows.Ordered(7001, At(10, 0), initiationSec: 3600));
        Assert.Single(board.Snapshot().ScheduledPending);

        // The deletion adds a 'd' Queue event and no Conversation rows; the call's rows are rewritten.
        var result = board.Apply(Rows.Rewritten([.. Rows.Ordered(7001, At(10, 0), initiationSec: 3600), Rows.Queue(7001, At(10, 20), "d")], firstRecId: 10));

        Assert.NotNull(result.Delta);
        var snapshot = board.Snapshot();
        Assert.Empty(snapshot.ScheduledPending);
        var cancelled = Assert.Single(snapshot.RecentCancelled);
        Assert.Equal(CancelKind.Deleted, cancelled.Kind);
        AssertTime.Same(Local(At(10, 20)), cancelled.At);
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Empty(snapshot.RecentCallouts);
        var queue = Assert.Single(snapshot.Queues);
        Assert.Equal(0, queue.Scheduled);
        Assert.Equal(1, queue.CancelledRecent);
    }

    [Fact]
    public void Snapshot_CancelledLongerAgoThanRecentWindow_IsNotListed()
    {
        var board = new BoardHarness(At(12, 0));

        board.Apply([.. Rows.Ordered(7001, At(10, 0)), Rows.Queue(7001, At(10, 1), "d", recId: 3, sequence: 3)]);

        var snapshot = board.Snapshot();
        Assert.Empty(snapshot.RecentCancelled);
        Assert.Equal(0, Assert.Single(snapshot.Queues).CancelledRecent);
    }
}
