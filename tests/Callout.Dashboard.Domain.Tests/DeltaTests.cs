namespace Callout.Dashboard.Domain.Tests;

/// <summary>What <see cref="Board.Apply"/> reports: a version and delta only when the board changed.</summary>
public sealed class DeltaTests
{
    [Fact]
    public void Apply_NewCallout_IncrementsVersionAndNamesItsQueue()
    {
        var board = new BoardHarness(At(10, 30));
        Assert.Equal(0, board.Board.State.Version);

        var result = board.Apply(Rows.Ordered(7001, At(10, 0)));

        Assert.NotNull(result.Delta);
        Assert.Equal(1, result.Delta.Version);
        Assert.Equal(1, board.Board.State.Version);
        Assert.Equal(1, board.Snapshot().Version);
        Assert.Equal(7001m, Assert.Single(result.Delta.ChangedCalls).CallId);
        Assert.Empty(result.Delta.RemovedCallIds);
        Assert.Empty(result.Delta.ChangedAgentIds);
        Assert.False(result.Delta.LookupsChanged);
        Assert.Equal([Rows.QueueX], result.Delta.QueueKeys);
    }

    [Fact]
    public void Apply_NothingChanged_ReturnsNullDeltaAndKeepsVersion()
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply(Rows.Ordered(7001, At(10, 0)));

        var again = board.Apply(Rows.Ordered(7001, At(10, 0)));
        var empty = board.Board.Apply(new PollBatch([], []));

        Assert.Null(again.Delta);
        Assert.Null(empty.Delta);
        Assert.Equal(1, board.Board.State.Version);
    }

    [Fact]
    public void Apply_EachChange_IncrementsVersionByOne()
    {
        var board = new BoardHarness(At(10, 30));

        var first = board.Apply(Rows.Ordered(7001, At(10, 0)));
        var same = board.Apply(Rows.Ordered(7001, At(10, 0)));
        var second = board.Apply(Rows.Completed(7001, At(10, 0)));
        var agent = board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        Assert.Equal(1, first.Delta?.Version);
        Assert.Null(same.Delta);
        Assert.Equal(2, second.Delta?.Version);
        Assert.Equal(3, agent.Delta?.Version);
        Assert.Equal([Rows.AgentId], agent.Delta?.ChangedAgentIds);
    }

    [Fact]
    public void Apply_NonCalloutCall_ReturnsNullDelta()
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply(Rows.Ordered(7001, At(10, 0), queueKey: "Inbound_Sales"));

        Assert.Null(result.Delta);
        Assert.Equal(0, board.Board.State.Version);
    }

    [Fact]
    public void Touches_FilterOfCallsQueue_IsTrueAndOtherQueueFalse()
    {
        var board = new BoardHarness(At(10, 30));

        var delta = board.Apply(Rows.Ordered(7001, At(10, 0))).Delta;

        Assert.NotNull(delta);
        Assert.True(delta.Touches(QueueFilter.All));
        Assert.True(delta.Touches(new QueueFilter([Rows.QueueX])));
        Assert.True(delta.Touches(new QueueFilter([Rows.QueueY, Rows.QueueX])));
        Assert.False(delta.Touches(new QueueFilter([Rows.QueueY])));
    }

    [Fact]
    public void Apply_CallMovedToOtherQueue_DeltaNamesBothQueues()
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply(Rows.Ordered(7001, At(10, 0)));

        var delta = board.Apply(Rows.Rewritten(Rows.Ordered(7001, At(10, 0), queueKey: Rows.QueueY), firstRecId: 10)).Delta;

        Assert.NotNull(delta);
        Assert.Equal(new HashSet<string> { Rows.QueueX, Rows.QueueY }, delta.QueueKeys);
        Assert.True(delta.Touches(new QueueFilter([Rows.QueueX])));
        Assert.False(delta.Touches(new QueueFilter(["__Callout_Z"])));
    }

    [Fact]
    public void Touches_AgentChange_IsTrueForEveryFilter()
    {
        var board = new BoardHarness(At(10, 30));

        var delta = board.ApplyAgents(Rows.AgentEvent("p", At(10, 0), pauseType: "Lunch")).Delta;

        Assert.NotNull(delta);
        Assert.Empty(delta.QueueKeys);
        Assert.True(delta.Touches(new QueueFilter([Rows.QueueY])));
    }

    [Fact]
    public void Apply_QueueLookupChanged_SetsLookupsChangedOnlyWhenDifferent()
    {
        var board = new BoardHarness(At(10, 30));
        QueueRow[] queues = [new(Rows.QueueX, "Sales callouts")];

        var first = board.Board.Apply(new PollBatch([], [], Queues: queues));
        var same = board.Board.Apply(new PollBatch([], [], Queues: [new(Rows.QueueX, "Sales callouts")]));
        var renamed = board.Board.Apply(new PollBatch([], [], Queues: [new(Rows.QueueX, "Outbound sales")]));

        Assert.True(first.Delta?.LookupsChanged);
        Assert.Null(same.Delta);
        Assert.NotNull(renamed.Delta);
        Assert.True(renamed.Delta.LookupsChanged);
        Assert.True(renamed.Delta.Touches(new QueueFilter([Rows.QueueY])));
    }

    [Fact]
    public void Changed_AfterApplyThatChanged_IsRaisedWithTheDelta()
    {
        var board = new BoardHarness(At(10, 30));
        var raised = new List<BoardDelta>();
        board.Board.Changed += raised.Add;

        var result = board.Apply(Rows.Ordered(7001, At(10, 0)));
        board.Apply(Rows.Ordered(7001, At(10, 0)));

        Assert.Equal(result.Delta, Assert.Single(raised));
    }
}
