using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Callout.Dashboard.Domain.Tests;

/// <summary>
/// §9.6 as a property: for random Raw data histories around local midnight, a board started fresh at any moment
/// (all rows visible then, in one batch, as the start-up read gives them) equals a board that ran through every
/// poll since the evening before (each poll the whole calls whose rows changed, the agent events new since), once
/// both have forgotten what no view shows; and no call is ever listed twice.
/// </summary>
public sealed class FreshStartTests
{
    /// <summary>The evening the histories start: midnight comes after 240 minutes.</summary>
    private static readonly DateTime s_evening = new(2026, 11, 27, 20, 0, 0);

    private static readonly Gen<CallEventRow> GenRow =
        Gen.Select(
            Gen.Select(
                Gen.Int[-120, 600],                                          // dte_start, minutes after 20:00
                Gen.Frequency((3, Gen.Const("i")), (4, Gen.Const("q")), (4, Gen.Const("c"))),
                Gen.OneOf<string?>("k", "q", "d", "b", "e", "h", "t"),
                Gen.OneOf<string?>("a", "c", null)),
            Gen.Select(
                Gen.Frequency<string?>((5, Rows.QueueX), (3, Rows.QueueY), (1, "Inbound_Sales"), (1, null)),
                Gen.Frequency((6, Gen.Int[0, 300]), (2, Gen.Int[61, 7200])),
                Gen.OneOf<int?>(null, 1001, 1002, 1003),
                Gen.Frequency<string?>((9, Rows.Number), (1, PuzzelCodes.AgentToAgentSource))),
            (a, b) => new CallEventRow
            {
                RecId = 0,
                CallId = 0,
                DteStart = s_evening.AddMinutes(a.Item1),
                EventType = a.Item2,
                ResultCode = a.Item3,
                Ciq = a.Item4,
                QueueKey = b.Item1,
                DurationTotSec = b.Item2,
                DurationSpeakSec = b.Item2 / 2,
                AgentId = b.Item3,
                Source = b.Item4,
            });

    /// <summary>One version of a call's rows, visible from a minute on; a later version replaces it whole (the rewrite rule).</summary>
    private sealed record CallVersion(decimal CallId, int VisibleAt, CallEventRow[] Rows);

    private sealed record AgentEventAt(int VisibleAt, AgentEventRow Event);

    private static readonly Gen<CallVersion[]> GenCall =
        Gen.Select(Gen.Int[1, 12], GenRow.Array[1, 6].Array[1, 3], Gen.Int[0, 600].Array[3])
            .Select((id, versions, visible) =>
            {
                var at = visible.Order().ToArray();
                var recId = id * 100L;
                return versions.Select((rows, v) => new CallVersion(id, at[v], [.. rows.Select((r, i) => r with
                {
                    CallId = id,
                    RecId = recId + v * 10 + i,
                    CallSequence = i + 1,
                    DteUpdated = s_evening.AddMinutes(at[v]),
                })])).ToArray();
            });

    private static readonly Gen<AgentEventAt> GenAgentEvent =
        Gen.Select(Gen.OneOf(1001, 1002, 1003), Gen.OneOf("i", "o", "p", "r"), Gen.Int[0, 600 * 60], Gen.OneOf<string?>(null, "Lunch"))
            .Select((agent, type, seconds, pause) => new AgentEventAt(seconds / 60 + 1, Rows.AgentEvent(type, s_evening.AddSeconds(seconds), agent, pause)));

    [Fact]
    public void FreshStart_AtAnyMoment_EqualsTheBoardThatNeverStopped()
    {
        Gen.Select(GenCall.Array[1, 8], GenAgentEvent.Array[0, 10], Gen.Int[1, 600].Array[1, 12], Gen.Int[0, 600])
            .Sample((calls, agentEvents, pollMinutes, freshAt) =>
            {
                // Call ids repeat across generated calls: keep one history per id.
                var history = calls.GroupBy(c => c[0].CallId).Select(g => g.First()).ToArray();
                var polls = pollMinutes.Where(m => m < freshAt).Distinct().Order().Append(freshAt).ToArray();

                var running = NewBoard(s_evening);
                var seenVersion = new Dictionary<decimal, CallVersion>();
                var lastPoll = -1;
                foreach (var minute in polls)
                {
                    running.Clock.SetUtcNow(Instant(s_evening.AddMinutes(minute)));
                    var changed = history.Select(c => Visible(c, minute)).OfType<CallVersion>()
                        .Where(v => !seenVersion.TryGetValue(v.CallId, out var seen) || seen != v).ToList();
                    changed.ForEach(v => seenVersion[v.CallId] = v);
                    var newEvents = agentEvents.Where(e => e.VisibleAt > lastPoll && e.VisibleAt <= minute).Select(e => e.Event).ToList();
                    running.Board.Apply(new PollBatch([.. changed.SelectMany(v => v.Rows)], newEvents));
                    if (minute % 5 == 0)
                    {
                        running.Board.Prune();
                    }
                    lastPoll = minute;
                }

                var fresh = NewBoard(s_evening.AddMinutes(freshAt));
                fresh.Board.Apply(new PollBatch(
                    [.. history.Select(c => Visible(c, freshAt)).OfType<CallVersion>().SelectMany(v => v.Rows)],
                    [.. agentEvents.Where(e => e.VisibleAt <= freshAt).Select(e => e.Event)]));

                running.Board.Prune();
                fresh.Board.Prune();
                var expected = running.Board.Snapshot(QueueFilter.All);
                var actual = fresh.Board.Snapshot(QueueFilter.All);
                AssertSameLists(expected, actual);
                BoardInvariantTests.NoCallListedTwice(actual);
                BoardInvariantTests.NoCallListedTwice(expected);
            },
            iter: 600);
    }

    private static (Board Board, FakeTimeProvider Clock) NewBoard(DateTime osloNow)
    {
        var clock = new FakeTimeProvider(Instant(osloNow));
        return (new Board(new BoardRules { TimeZone = Oslo.Zone }, clock), clock);
    }

    private static DateTimeOffset Instant(DateTime osloWallClock) => BoardHarness.ToInstant(osloWallClock);

    private static CallVersion? Visible(CallVersion[] versions, int minute) => versions.LastOrDefault(v => v.VisibleAt <= minute);

    private static void AssertSameLists(BoardSnapshot expected, BoardSnapshot actual)
    {
        Assert.Equal(expected.ActiveCallouts, actual.ActiveCallouts);
        Assert.Equal(expected.RecentCallouts, actual.RecentCallouts);
        Assert.Equal(expected.ScheduledPending, actual.ScheduledPending);
        Assert.Equal(expected.RecentCancelled, actual.RecentCancelled);
        Assert.Equal(expected.Agents, actual.Agents);
        Assert.Equal(expected.Queues, actual.Queues);
        Assert.Equal(expected.AgentToAgentToday, actual.AgentToAgentToday);
    }
}
