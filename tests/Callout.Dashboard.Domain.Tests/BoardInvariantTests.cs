using CsCheck;

namespace Callout.Dashboard.Domain.Tests;

/// <summary>
/// Property tests over random Raw data: a few call ids and queues, random event types, result codes,
/// ciq, durations and agents, batches applied in random order and some of them twice.
/// </summary>
public sealed class BoardInvariantTests
{
    private static readonly Gen<CallEventRow> GenCallRow =
        Gen.Select(
            Gen.Select(
                Gen.OneOf(1m, 2m, 3m, 4m, 5m, 9876543210987654321m),
                Gen.Int[1, 30],                      // rec_id: small, so duplicates happen
                Gen.Int[-60, 600],                   // dte_start: minutes after 08:00 (some the day before)
                Gen.Frequency((3, Gen.Const("i")), (4, Gen.Const("q")), (4, Gen.Const("c")), (1, Gen.OneOf("m", "Q", "C"))),
                Gen.OneOf<string?>("k", "q", "d", "b", "c", "e", "h", "t", "z", "q ", "D", "?", null),
                Gen.OneOf<string?>("a", "c", "A", null)),
            Gen.Select(
                Gen.Frequency<string?>((4, Rows.QueueX), (4, Rows.QueueY), (1, "Inbound_Sales"), (1, "__Dial_X"), (1, null)),
                Gen.Frequency((6, Gen.Int[0, 120]), (2, Gen.Int[61, 7200]), (1, Gen.Int[-10, 0])),
                Gen.OneOf<int?>(null, 1001, 1002, 1003),
                Gen.Frequency<string?>((8, Rows.Number), (1, PuzzelCodes.AgentToAgentSource), (1, null)),
                Gen.Frequency<short?>((16, null), (2, 0), (1, 1)),
                Gen.OneOf<bool?>(null, false, true)),
            Gen.OneOf<DateTimeOffset?>(null, null, null, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)),
            (a, b, scheduled) => new CallEventRow
            {
                CallId = a.Item1,
                RecId = a.Item2,
                DteStart = At(8, 0).AddMinutes(a.Item3),
                EventType = a.Item4,
                ResultCode = a.Item5,
                Ciq = a.Item6,
                QueueKey = b.Item1,
                DurationTotSec = b.Item2,
                DurationSpeakSec = b.Item2 / 2,
                AgentId = b.Item3,
                Source = b.Item4,
                Agent2Agent = b.Item5,
                CallTransfer = b.Item6,
                CallSequence = a.Item4 switch { "i" => 1, "q" => 2, _ => 3 },
                DteScheduledCallback = scheduled,
                DteUpdated = At(8, 0).AddMinutes(a.Item3 + 5),
            });

    private static readonly Gen<AgentEventRow> GenAgentEvent =
        Gen.Select(
            Gen.OneOf(1001, 1002, 1003),
            Gen.OneOf("i", "o", "p", "r", "c", "P"),
            Gen.Int[0, 600 * 60],
            Gen.OneOf<string?>(null, "Lunch", "Meeting"),
            (agent, type, seconds, pause) => Rows.AgentEvent(type, At(8, 0).AddSeconds(seconds), agent, pause));

    private static readonly Gen<PollBatch> GenBatch =
        Gen.Select(GenCallRow.Array[0, 14], GenAgentEvent.Array[0, 4], (calls, agents) => new PollBatch(calls, agents));

    /// <summary>Which batch to apply next (index into the generated ones, so batches repeat) and how far the clock moves first.</summary>
    private static readonly Gen<(int Batch, int Minutes)[]> GenSteps =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 40]).Array[1, 10];

    [Fact]
    public void Apply_RandomBatches_KeepsSnapshotInvariants()
    {
        Gen.Select(GenBatch.Array[1, 6], GenSteps, Gen.Int[0, 600]).Sample(
            (batches, steps, startMinute) =>
            {
                var board = new BoardHarness(At(8, 0).AddMinutes(startMinute));
                PollBatch? last = null;
                foreach (var (index, minutes) in steps)
                {
                    board.Clock.Advance(TimeSpan.FromMinutes(minutes));
                    last = batches[index % batches.Length];
                    var before = board.Board.State.Version;
                    var result = board.Board.Apply(last);

                    Assert.Equal(result.Delta is null ? before : before + 1, board.Board.State.Version);
                    Assert.Equal(board.Board.State.Version, result.Delta?.Version ?? before);
                    AssertInvariants(board);
                }

                var again = board.Board.Apply(last!);
                Assert.Null(again.Delta);

                board.Board.Prune();
                AssertInvariants(board);
            },
            iter: 800);
    }

    private static void AssertInvariants(BoardHarness board)
    {
        var all = board.Snapshot();
        AssertListsConsistent(all);

        foreach (var queue in all.Queues)
        {
            var filtered = board.Snapshot(queue.QueueKey);
            AssertListsConsistent(filtered);
            Assert.Equal(queue, Assert.Single(filtered.Queues));
            Assert.Equal(all.ActiveCallouts.Where(c => c.QueueKey == queue.QueueKey), filtered.ActiveCallouts);
            Assert.Equal(all.RecentCallouts.Where(c => c.QueueKey == queue.QueueKey), filtered.RecentCallouts);
            Assert.Equal(all.ScheduledPending.Where(c => c.QueueKey == queue.QueueKey), filtered.ScheduledPending);
            Assert.Equal(all.RecentCancelled.Where(c => c.QueueKey == queue.QueueKey), filtered.RecentCancelled);
            Assert.Equal(0, filtered.AgentToAgentToday);
        }

        var none = board.Snapshot("__Callout_Nobody");
        Assert.Empty(none.ActiveCallouts);
        Assert.Empty(none.RecentCallouts);
        Assert.Empty(none.ScheduledPending);
        Assert.Empty(none.RecentCancelled);
        Assert.Empty(none.Queues);
    }

    /// <summary>A call is in one state, so in at most one list.</summary>
    internal static void NoCallListedTwice(BoardSnapshot snapshot)
    {
        string[] ids =
        [
            .. snapshot.ActiveCallouts.Select(c => c.CallId),
            .. snapshot.RecentCallouts.Select(c => c.CallId),
            .. snapshot.ScheduledPending.Select(c => c.CallId),
            .. snapshot.RecentCancelled.Select(c => c.CallId),
        ];
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    private static void AssertListsConsistent(BoardSnapshot snapshot)
    {
        NoCallListedTwice(snapshot);

        var queueKeys = snapshot.Queues.Select(q => q.QueueKey).ToHashSet();
        Assert.Equal(snapshot.Queues.Count, queueKeys.Count);
        foreach (var queue in snapshot.Queues)
        {
            Assert.StartsWith("__Callout_", queue.QueueKey, StringComparison.Ordinal);
            Assert.Equal(snapshot.ActiveCallouts.Count(c => c.QueueKey == queue.QueueKey), queue.Active);
            Assert.Equal(snapshot.ScheduledPending.Count(c => c.QueueKey == queue.QueueKey), queue.Scheduled);
            Assert.Equal(snapshot.RecentCancelled.Count(c => c.QueueKey == queue.QueueKey), queue.CancelledRecent);
        }

        // Every listed call belongs to a callout queue that has a summary row.
        Assert.All(snapshot.ActiveCallouts, c => Assert.Contains(c.QueueKey!, queueKeys));
        Assert.All(snapshot.RecentCallouts, c => Assert.Contains(c.QueueKey!, queueKeys));
        Assert.All(snapshot.ScheduledPending, c => Assert.Contains(c.QueueKey!, queueKeys));
        Assert.All(snapshot.RecentCancelled, c => Assert.Contains(c.QueueKey!, queueKeys));
        Assert.All(snapshot.RecentCallouts, c => Assert.True(c.TalkSeconds >= 0));
        Assert.All(snapshot.ScheduledPending, c => Assert.Equal(c.DueAt < snapshot.AsOf, c.Overdue));
    }

    [Fact]
    public void Apply_RandomBatchTwice_SecondReturnsNullDelta()
    {
        GenBatch.Sample(
            batch =>
            {
                var board = new BoardHarness(At(12, 0));
                board.Board.Apply(batch);
                var version = board.Board.State.Version;

                Assert.Null(board.Board.Apply(batch).Delta);
                Assert.Equal(version, board.Board.State.Version);
            },
            iter: 1000);
    }
}
