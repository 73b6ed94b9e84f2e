namespace Callout.Dashboard.Domain.Tests;

/// <summary>§8.4 and the per-queue views: which calls, queues and agents a filtered snapshot shows.</summary>
public sealed class QueueFilterTests
{
    private static BoardHarness BoardWithTwoQueues()
    {
        var board = new BoardHarness(At(10, 30));
        board.Board.Apply(new PollBatch(
            [
                .. Rows.Ordered(1, At(10, 0), queueKey: Rows.QueueX, agentId: 11),
                .. Rows.Ordered(2, At(10, 5), queueKey: Rows.QueueY, agentId: 22),
                .. Rows.Completed(3, At(10, 10), queueKey: Rows.QueueX, agentId: 11),
                .. Rows.Completed(4, At(10, 15), "t", queueKey: Rows.QueueY, agentId: 22),
                .. Rows.Ordered(5, At(10, 20), initiationSec: 3600, queueKey: Rows.QueueY),
            ],
            [Rows.AgentEvent("i", At(8, 0), agentId: 11), Rows.AgentEvent("i", At(8, 0), agentId: 22)]));
        return board;
    }

    [Fact]
    public void Snapshot_FilterNothing_ShowsNoCallQueueOrAgent()
    {
        var board = BoardWithTwoQueues();

        var snapshot = board.Board.Snapshot(QueueFilter.Nothing);

        Assert.False(QueueFilter.Nothing.IsAll);
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Empty(snapshot.RecentCallouts);
        Assert.Empty(snapshot.ScheduledPending);
        Assert.Empty(snapshot.Queues);
        Assert.Empty(snapshot.Agents);
        Assert.Equal(0, snapshot.AgentToAgentToday);
    }

    [Fact]
    public void Snapshot_FilterOfOneQueue_ShowsOnlyItsCallsAndSummary()
    {
        var board = BoardWithTwoQueues();

        var snapshot = board.Snapshot(Rows.QueueX);

        Assert.Equal(["1"], snapshot.ActiveCallouts.Select(c => c.CallId));
        Assert.Equal(["3"], snapshot.RecentCallouts.Select(c => c.CallId));
        Assert.Empty(snapshot.ScheduledPending);
        var queue = Assert.Single(snapshot.Queues);
        Assert.Equal(new QueueSummary(Rows.QueueX, Rows.QueueX, 1, 0, 0, 1, 0), queue);
        // Agents are not tied to queues in Raw data: the view shows those working its callouts.
        Assert.Equal([11], snapshot.Agents.Select(a => a.AgentId));
    }

    [Fact]
    public void Snapshot_FilterOfSeveralQueues_ShowsThemAll()
    {
        var board = BoardWithTwoQueues();

        var snapshot = board.Snapshot(Rows.QueueX, Rows.QueueY);

        Assert.Equal(2, snapshot.ActiveCallouts.Count);
        Assert.Equal(2, snapshot.RecentCallouts.Count);
        Assert.Single(snapshot.ScheduledPending);
        Assert.Equal(2, snapshot.Queues.Count);
        Assert.Equal(2, snapshot.Agents.Count);
    }

    [Fact]
    public void Snapshot_UnknownQueueKey_ShowsNothing()
    {
        var board = BoardWithTwoQueues();

        var snapshot = board.Snapshot("__Callout_Nobody");

        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Empty(snapshot.RecentCallouts);
        Assert.Empty(snapshot.ScheduledPending);
        Assert.Empty(snapshot.RecentCancelled);
        Assert.Empty(snapshot.Queues);
        Assert.Empty(snapshot.Agents);
        Assert.Equal(0, snapshot.AgentToAgentToday);
    }

    [Fact]
    public void Snapshot_QueueKeysCompareOrdinally()
    {
        var board = BoardWithTwoQueues();

        var snapshot = board.Snapshot("__callout_x");

        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Empty(snapshot.Queues);
    }

    [Fact]
    public void Snapshot_QueueLookup_NamesQueuesAndListsIdleCalloutQueues()
    {
        var board = new BoardHarness(At(10, 30));

        board.Board.Apply(new PollBatch(
            [.. Rows.Ordered(1, At(10, 0))],
            [],
            Queues:
            [
                new QueueRow(Rows.QueueX, "Sales callouts"),
                new QueueRow("__Callout_Idle", "Idle team"),
                new QueueRow("__Callout_NoName", null),
                new QueueRow("Inbound_Sales", "Inbound sales"),
                new QueueRow("__Dial_Campaign", "Dialler"),
            ]));

        var snapshot = board.Snapshot();
        Assert.Equal(
            [
                new QueueSummary("__Callout_NoName", "__Callout_NoName", 0, 0, 0, 0, 0),
                new QueueSummary("__Callout_Idle", "Idle team", 0, 0, 0, 0, 0),
                new QueueSummary(Rows.QueueX, "Sales callouts", 1, 0, 0, 0, 0),
            ],
            snapshot.Queues);
        Assert.Equal(["__Callout_Idle"], board.Snapshot("__Callout_Idle").Queues.Select(q => q.QueueKey));
    }

    [Theory]
    [InlineData("Inbound_Sales")]
    [InlineData("__Dial_X")]
    [InlineData("__callout_lowercase")]
    public void Apply_NonCalloutQueue_IsIgnoredEntirely(string queueKey)
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply(
        [
            .. Rows.Ordered(1, At(10, 0), queueKey: queueKey),
            .. Rows.Completed(2, At(10, 5), queueKey: queueKey),
            .. Rows.Rewritten([.. Rows.Ordered(3, At(10, 0), queueKey: queueKey), Rows.Queue(3, At(10, 1), "d", queueKey: queueKey)], 10),
        ]);

        Assert.Null(result.Delta);
        Assert.Empty(board.Board.State.Calls);
        var snapshot = board.Snapshot();
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Empty(snapshot.RecentCallouts);
        Assert.Empty(snapshot.RecentCancelled);
        Assert.Empty(snapshot.Queues);
        Assert.Empty(board.Snapshot(queueKey).Queues);
    }

    [Fact]
    public void Snapshot_ConfiguredPrefixes_DecideWhatIsACallout()
    {
        var board = new BoardHarness(At(10, 30), new BoardRules { TimeZone = Oslo.Zone, CalloutQueuePrefixes = ["__Callout_", "OUT_"] });

        board.Apply([.. Rows.Ordered(1, At(10, 0), queueKey: "OUT_Sales"), .. Rows.Ordered(2, At(10, 0), queueKey: "Inbound_Sales")]);

        Assert.Equal(["1"], board.Snapshot().ActiveCallouts.Select(c => c.CallId));
    }
}
