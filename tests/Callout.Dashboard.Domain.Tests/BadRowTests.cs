namespace Callout.Dashboard.Domain.Tests;

/// <summary>Rows the Board cannot take at face value: never an exception, always a <see cref="RowAnomaly"/>.</summary>
public sealed class BadRowTests
{
    private static IEnumerable<string> Kinds(ApplyResult result) => result.Anomalies.Select(a => a.Kind);

    [Fact]
    public void Apply_UnknownContactResultCode_ReportsAndTakesItAsError()
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply(Rows.Completed(7001, At(10, 0), "z"));

        Assert.Contains(RowAnomaly.UnknownResultCode, Kinds(result));
        Assert.Equal(CalloutOutcome.Error, Assert.Single(board.Snapshot().RecentCallouts).Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Apply_ContactLegWithoutResultCode_ReportsAndTakesItAsError(string? contactResult)
    {
        var board = new BoardHarness(At(10, 30));
        var rows = Rows.Completed(7001, At(10, 0));
        rows[3] = rows[3] with { ResultCode = contactResult };

        var result = board.Apply(rows);

        Assert.Contains(RowAnomaly.UnknownResultCode, Kinds(result));
        Assert.Equal(CalloutOutcome.Error, Assert.Single(board.Snapshot().RecentCallouts).Outcome);
    }

    [Fact]
    public void Apply_UnknownQueueResultCode_Reports()
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply(Rows.Initiation(7001, At(10, 0)), Rows.Queue(7001, At(10, 0), "z"));

        Assert.Contains(RowAnomaly.UnknownResultCode, Kinds(result));
    }

    [Fact]
    public void Apply_QueueEventWithoutQueueKey_ReportsAndIgnoresCall()
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply(Rows.Initiation(7001, At(10, 0)), Rows.Queue(7001, At(10, 0), queueKey: null));

        Assert.Equal([RowAnomaly.MissingQueueKey], Kinds(result));
        Assert.Null(result.Delta);
        Assert.Empty(board.Snapshot().ActiveCallouts);
    }

    [Fact]
    public void Apply_ConversationWithQueueKeyButNoCiq_Reports()
    {
        var board = new BoardHarness(At(10, 30));
        var rows = Rows.Completed(7001, At(10, 0));
        rows[3] = rows[3] with { Ciq = null };

        var result = board.Apply(rows);

        Assert.Equal([RowAnomaly.MissingCiq], Kinds(result));
        Assert.Single(board.Snapshot().RecentCallouts);
    }

    [Fact]
    public void Apply_SourceOf500Characters_CutsDestinationAndReports()
    {
        var board = new BoardHarness(At(10, 30));
        var source = string.Concat(Enumerable.Repeat("4722222222", 50));
        var rows = Rows.Ordered(7001, At(10, 0));
        rows[0] = rows[0] with { Source = source };

        var result = board.Apply(rows);

        Assert.Equal([RowAnomaly.OversizedSource], Kinds(result));
        var destination = Assert.Single(board.Snapshot().ActiveCallouts).Destination;
        Assert.Equal(source[..CallClassifier.MaxDestinationLength], destination);
    }

    [Fact]
    public void Apply_CalloutQueueEventWithoutInitiation_ReportsAndShowsCallFromQueueEvent()
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply(Rows.Queue(7001, At(10, 1)));

        Assert.Equal([RowAnomaly.MissingInitiation], Kinds(result));
        var active = Assert.Single(board.Snapshot().ActiveCallouts);
        AssertTime.Same(Local(At(10, 1)), active.OrderedAt);
        Assert.Null(active.Destination);
    }

    [Fact]
    public void Apply_NegativeDurations_ReportsAndNeverShowsNegativeTalkTime()
    {
        var board = new BoardHarness(At(10, 30));
        var rows = Rows.Completed(7001, At(10, 0));
        rows[0] = rows[0] with { DurationTotSec = -5 };
        rows[3] = rows[3] with { DurationTotSec = -3, DurationSpeakSec = -10 };

        var result = board.Apply(rows);

        Assert.Equal(2, Kinds(result).Count(k => k == RowAnomaly.NegativeDuration));
        var call = Assert.Single(board.Snapshot().RecentCallouts);
        Assert.Equal(0, call.TalkSeconds);
        Assert.True(call.EndedAt >= call.OrderedAt);
    }

    [Fact]
    public void Apply_DteStartIn1900_ReportsImplausibleDate()
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply(Rows.Ordered(7001, new DateTime(1900, 1, 1, 10, 0, 0)));

        Assert.Contains(RowAnomaly.ImplausibleDate, Kinds(result));
        var snapshot = board.Snapshot();
        Assert.Equal(ActiveState.AwaitingData, Assert.Single(snapshot.ActiveCallouts).State);
    }

    [Fact]
    public void Apply_DteStartIn2100_ReportsImplausibleDate()
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply(Rows.Completed(7001, new DateTime(2100, 1, 1, 10, 0, 0)));

        Assert.Contains(RowAnomaly.ImplausibleDate, Kinds(result));
    }

    [Fact]
    public void Snapshot_CallEndedIn2100_IsNeitherRecentNorCountedToday()
    {
        // §8.1 "today" runs from local midnight and §8.8 "recent" is the last 60 minutes: a row dated
        // 2100 is neither, and would otherwise inflate today's counters for good (Prune keeps it too).
        var board = new BoardHarness(At(10, 30));

        board.Apply(Rows.Completed(7001, new DateTime(2100, 1, 1, 10, 0, 0)));
        board.Board.Prune();

        var snapshot = board.Snapshot();
        Assert.Empty(snapshot.RecentCallouts);
        Assert.All(snapshot.Queues, q => Assert.Equal(0, q.AnsweredToday));
    }

    [Fact]
    public void Apply_DteStartIn2100_SnapshotListsNothingOfIt()
    {
        var board = new BoardHarness(At(10, 30));

        board.Apply([.. Rows.Completed(7001, new DateTime(2100, 1, 1, 10, 0, 0)), .. Rows.Ordered(7002, new DateTime(2100, 6, 1), initiationSec: 3600)]);

        // A call ordered decades ahead is a bad row: reported when folded, never shown as waiting.
        var snapshot = board.Snapshot();
        Assert.Empty(snapshot.ScheduledPending);
        Assert.Empty(snapshot.ActiveCallouts);
        Assert.Equal(2, board.Board.State.Calls.Count);
    }

    [Fact]
    public void Apply_DuplicateRecIdsWithDifferentContent_ReportsAndKeepsNewest()
    {
        var board = new BoardHarness(At(10, 30));
        var ordered = Rows.Queue(7001, At(10, 0)) with { DteUpdated = At(10, 2) };
        var deleted = ordered with { ResultCode = "d", DteUpdated = At(10, 5) };

        var result = board.Apply(Rows.Initiation(7001, At(10, 0)), deleted, ordered);

        Assert.Equal(["duplicate-rec-id"], Kinds(result));
        Assert.Equal(CancelKind.Deleted, Assert.Single(board.Snapshot().RecentCancelled).Kind);
    }

    [Fact]
    public void Apply_IdenticalDuplicateRows_AreNotReported()
    {
        var board = new BoardHarness(At(10, 30));
        var rows = Rows.Ordered(7001, At(10, 0));

        var result = board.Apply([.. rows, .. rows]);

        Assert.Empty(result.Anomalies);
        Assert.Single(board.Snapshot().ActiveCallouts);
    }

    [Theory]
    [InlineData("q ", "k ", "a", "c")]
    [InlineData("Q", "K", "A", "C")]
    [InlineData(" q", "K ", "A ", " c")]
    public void Apply_PaddedOrUpperCaseCodes_AreReadTrimmedAndCaseInsensitive(string queueResult, string contactResult, string agentCiq, string contactCiq)
    {
        var board = new BoardHarness(At(10, 30));
        var rows = Rows.Completed(7001, At(10, 0));
        rows[1] = rows[1] with { ResultCode = queueResult, EventType = "Q" };
        rows[2] = rows[2] with { Ciq = agentCiq };
        rows[3] = rows[3] with { ResultCode = contactResult, Ciq = contactCiq, EventType = "C" };

        var result = board.Apply(rows);

        Assert.Empty(result.Anomalies);
        var call = Assert.Single(board.Snapshot().RecentCallouts);
        Assert.Equal(CalloutOutcome.Answered, call.Outcome);
        Assert.Equal(80, call.TalkSeconds);
    }

    [Fact]
    public void Apply_PaddedUpperCaseDeletion_IsRecognised()
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.Apply([.. Rows.Ordered(7001, At(10, 0)), Rows.Queue(7001, At(10, 5), "D ", recId: 3, sequence: 3)]);

        Assert.Empty(result.Anomalies);
        Assert.Equal(CancelKind.Deleted, Assert.Single(board.Snapshot().RecentCancelled).Kind);
    }

    [Fact]
    public void Apply_AllBadRowsInOneBatch_NeverThrowsAndKeepsGoodCalls()
    {
        var board = new BoardHarness(At(10, 30));
        CallEventRow[] bad =
        [
            .. Rows.Completed(1, At(10, 0), "z"),
            Rows.Initiation(2, At(10, 0)), Rows.Queue(2, At(10, 0), queueKey: null),
            Rows.Queue(3, At(10, 0)),
            .. Rows.Ordered(4, new DateTime(1900, 1, 1)),
            Rows.Initiation(5, At(10, 0)) with { Source = new string('9', 500), DurationTotSec = -1, EventType = "I" },
            Rows.Queue(5, At(10, 0), "Q "),
            Rows.Queue(6, At(10, 0), result: null) with { EventType = "x", CallSequence = null },
            .. Rows.Completed(7001, At(10, 5)),
        ];

        var result = board.Apply(bad.Reverse());
        var snapshot = board.Snapshot();

        Assert.NotEmpty(result.Anomalies);
        Assert.Contains(snapshot.RecentCallouts, c => c.CallId == "7001" && c.Outcome == CalloutOutcome.Answered);
        Assert.Null(board.Board.Apply(new PollBatch(bad, [])).Delta);
    }

    [Fact]
    public void Apply_UnknownAgentEventType_IsIgnored()
    {
        var board = new BoardHarness(At(10, 30));

        var result = board.ApplyAgents(Rows.AgentEvent("x", At(9, 0)), Rows.AgentEvent("", At(9, 1)), Rows.AgentEvent(" ", At(9, 2)));

        Assert.Null(result.Delta);
        Assert.Empty(board.Snapshot().Agents);
    }
}
