namespace Callout.Dashboard.Domain.Tests;

/// <summary>§3.4 and §8.3: Puzzel deletes and re-inserts every row of a call, with new rec_ids, when a later session lands.</summary>
public sealed class RewriteRuleTests
{
    private static readonly DateTime OrderedAt = At(10, 0);

    private static CallEventRow[] SessionTwoRewritten() =>
        Rows.Rewritten(
            [
                .. Rows.Ordered(7001, OrderedAt),
                Rows.AgentLeg(7001, Rows.CallStart(OrderedAt)),
                Rows.ContactLeg(7001, Rows.CallStart(OrderedAt).AddSeconds(5)),
            ],
            firstRecId: 10);

    [Fact]
    public void Apply_CallRewrittenWithNewRecIds_MovesFromActiveToRecentOnce()
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply(Rows.Ordered(7001, OrderedAt));
        Assert.Single(board.Snapshot().ActiveCallouts);

        var rewritten = SessionTwoRewritten();
        Assert.Equal([10L, 11, 12, 13], rewritten.Select(r => r.RecId));
        var result = board.Apply(rewritten);

        Assert.NotNull(result.Delta);
        Assert.Empty(result.Anomalies);
        var snapshot = board.Snapshot();
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Equal("7001", Assert.Single(snapshot.RecentCallouts).CallId);
        var queue = Assert.Single(snapshot.Queues);
        Assert.Equal(0, queue.Active);
        Assert.Equal(1, queue.AnsweredToday);
        Assert.Single(board.Board.State.Calls);
    }

    [Fact]
    public void Apply_SameRewrittenBatchAgain_ReturnsNullDeltaAndKeepsVersion()
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply(Rows.Ordered(7001, OrderedAt));
        board.Apply(SessionTwoRewritten());
        var version = board.Board.State.Version;

        var again = board.Apply(SessionTwoRewritten());

        Assert.Null(again.Delta);
        Assert.Equal(version, board.Board.State.Version);
        Assert.Equal(1, Assert.Single(board.Snapshot().Queues).AnsweredToday);
    }

    [Fact]
    public void Apply_OverlapPollReturnsOrderRowsAndRewrittenRows_CountsOnce()
    {
        // A poll overlapping the rewrite may see the old rec_ids 1, 2 and the new ones 10..13 of the
        // same call_id in one batch: both sessions' rows are then folded as one call.
        var board = new BoardHarness(At(10, 30));

        board.Apply([.. Rows.Ordered(7001, OrderedAt), .. SessionTwoRewritten()]);

        var snapshot = board.Snapshot();
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Single(snapshot.RecentCallouts);
        Assert.Equal(1, Assert.Single(snapshot.Queues).AnsweredToday);
    }

    [Fact]
    public void Apply_RowsOfCallInAnyOrder_GiveTheSameFacts()
    {
        var inOrder = new BoardHarness(At(10, 30));
        var reversed = new BoardHarness(At(10, 30));

        inOrder.Apply(SessionTwoRewritten());
        reversed.Apply(SessionTwoRewritten().Reverse());

        Assert.Equal(inOrder.Board.State.Calls[7001], reversed.Board.State.Calls[7001]);
    }

    [Fact]
    public void Apply_CallRewrittenIntoNonCalloutQueue_RemovesIt()
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply(Rows.Ordered(7001, OrderedAt));

        var result = board.Apply(Rows.Rewritten(Rows.Ordered(7001, OrderedAt, queueKey: "Inbound_Sales"), firstRecId: 10));

        Assert.NotNull(result.Delta);
        Assert.Equal([7001m], result.Delta.RemovedCallIds);
        Assert.Contains(Rows.QueueX, result.Delta.QueueKeys);
        Assert.Empty(board.Snapshot().ActiveCallouts);
        Assert.Empty(board.Board.State.Calls);
    }
}
