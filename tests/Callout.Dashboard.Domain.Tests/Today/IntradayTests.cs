using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Domain.Tests.Today;

/// <summary>
/// Today's quarter hours: from local midnight to the current one, each callout in the quarter hour it ended by its
/// outcome, real quarter hours across DST changes, and a call that Puzzel rewrites or whose rows land late moved to
/// where it belongs.
/// </summary>
public sealed class IntradayTests
{
    [Fact]
    public void Intraday_At1007_RunsFromMidnightToTheCurrentQuarterHour()
    {
        var board = new BoardHarness(At(10, 7));

        var buckets = board.Snapshot().Intraday;

        Assert.Equal(41, buckets.Count);
        AssertTime.Same(Local(At(0, 0)), buckets[0].Start);
        AssertTime.Same(Local(At(10, 0)), buckets[^1].Start);
        AssertTime.Same(Local(At(10, 15)), buckets[^1].End);
        Assert.All(buckets, b => Assert.Equal(0, b.Total));
    }

    [Fact]
    public void Intraday_EveryOutcome_LandsInTheQuarterHourItEndedIn()
    {
        var board = new BoardHarness(At(10, 40));
        board.Apply([
            .. Rows.Completed(1, At(10, 1)), .. Rows.Completed(2, At(10, 2), "t"), .. Rows.Completed(3, At(10, 3), "b"), .. Rows.Completed(4, At(10, 4), "e"),
            .. Rows.AgentAttempts(5, At(10, 5), ["b", "e"]), .. Rows.Cancelled(6, At(10, 20)), .. Rows.Deleted(7, At(9, 0), At(10, 21)),
            // Ends at 10:14:58 + 100 s: in the next quarter hour.
            .. Rows.Completed(8, At(10, 13, 20)),
        ]);

        var buckets = board.Snapshot().Intraday;

        Assert.Equal(new IntradayBucket(Local(At(10, 0)), Local(At(10, 15)), 1, 1, 1, 1, 1, 0, 0, 25.0), buckets[40]);
        var quarterPast = buckets[41];
        Assert.Equal((1, 1, 1, 3), (quarterPast.Answered, quarterPast.Cancelled, quarterPast.Deleted, quarterPast.Total));
        Assert.Equal(100.0, quarterPast.AnswerRate);
        Assert.Null(buckets[39].AnswerRate);
    }

    [Fact]
    public void Intraday_YesterdayOpenAndScheduledCalls_AreNotCounted()
    {
        var board = new BoardHarness(At(10, 40));
        board.Apply([
            .. Rows.Completed(1, At(10, 0).AddDays(-1)), .. Rows.Ordered(2, At(10, 35)), .. Rows.Ordered(3, At(9, 0), initiationSec: 7200),
        ]);

        Assert.All(board.Snapshot().Intraday, b => Assert.Equal(0, b.Total));
    }

    [Fact]
    public void Intraday_CallRewrittenToAnotherOutcomeAndTime_MovesWithoutCountingTwice()
    {
        var board = new BoardHarness(At(11, 0));
        board.Apply(Rows.Completed(1, At(10, 1), "t"));

        // A later session lands: Puzzel rewrites every row of the call; now it was answered, and ended later.
        board.Apply(Rows.Rewritten([.. Rows.Completed(1, At(10, 20))], firstRecId: 200));

        var buckets = board.Snapshot().Intraday;
        Assert.Equal(0, buckets[40].Total);
        Assert.Equal((1, 0, 1), (buckets[41].Answered, buckets[41].NoAnswer, buckets[41].Total));
        Assert.Equal(1, buckets.Sum(b => b.Total));
    }

    [Fact]
    public void Intraday_ConversationRowsLandAnHourLate_FillTheEarlierQuarterHour()
    {
        var board = new BoardHarness(At(10, 5));
        board.Apply(Rows.Ordered(1, At(10, 1)));
        Assert.All(board.Snapshot().Intraday, b => Assert.Equal(0, b.Total));

        board.SetLocalNow(At(11, 10));
        board.Apply(Rows.Completed(1, At(10, 1)).Select(r => r with { DteUpdated = At(11, 9) }));

        var buckets = board.Snapshot().Intraday;
        Assert.Equal(1, buckets[40].Answered);
        Assert.Equal(44, buckets[^1].Start.Hour * 4 + buckets[^1].Start.Minute / 15);
    }

    [Fact]
    public void Intraday_QueueFilter_CountsOnlyThatQueue()
    {
        var board = new BoardHarness(At(10, 40));
        board.Apply([.. Rows.Completed(1, At(10, 1)), .. Rows.Completed(2, At(10, 2), queueKey: Rows.QueueY), .. Rows.Completed(3, At(10, 3), queueKey: Rows.QueueY)]);

        Assert.Equal(1, board.Snapshot(Rows.QueueX).Intraday.Sum(b => b.Total));
        Assert.Equal(2, board.Snapshot(Rows.QueueY).Intraday.Sum(b => b.Total));
        Assert.Equal(3, board.Snapshot().Intraday.Sum(b => b.Total));
    }

    [Fact]
    public void Intraday_DayDstStarts_Has92RealQuarterHours()
    {
        // 29 March 2026: Oslo's clocks jump from 02:00 to 03:00.
        var day = new DateTime(2026, 3, 29);
        var board = new BoardHarness(day.AddHours(23).AddMinutes(59));
        board.Apply(Rows.Completed(1, day.AddHours(3).AddMinutes(1)));

        var buckets = board.Snapshot().Intraday;

        Assert.Equal(92, buckets.Count);
        Assert.Equal(new DateTimeOffset(day.AddHours(3), TimeSpan.FromHours(2)), buckets[8].Start);
        AssertTime.Same(new DateTimeOffset(day.AddHours(3), TimeSpan.FromHours(2)), buckets[7].End);
        Assert.Equal(1, buckets[8].Answered);
    }

    [Fact]
    public void Intraday_DayDstEnds_Has100QuarterHoursWithTheRepeatedHourTwice()
    {
        // 25 October 2026: Oslo's clocks go back from 03:00 to 02:00.
        var day = new DateTime(2026, 10, 25);
        var board = new BoardHarness(day.AddHours(23).AddMinutes(59));

        var buckets = board.Snapshot().Intraday;

        Assert.Equal(100, buckets.Count);
        Assert.Equal(new DateTimeOffset(day.AddHours(2), TimeSpan.FromHours(2)), buckets[8].Start);
        Assert.Equal(new DateTimeOffset(day.AddHours(2), TimeSpan.FromHours(1)), buckets[12].Start);
        Assert.Equal(new DateTimeOffset(day.AddHours(3), TimeSpan.FromHours(1)), buckets[16].Start);
    }

    [Fact]
    public void Intraday_CallEndsInTheFirstPassOfTheRepeatedHour_FillsThatPassNotOneAnHourAhead()
    {
        var day = new DateTime(2026, 10, 25);
        var board = new BoardHarness(day);
        // 02:20 summer time, the first pass of the repeated hour: a wall clock alone would read it as the second.
        board.Clock.SetUtcNow(new DateTimeOffset(day.AddHours(2).AddMinutes(20), TimeSpan.FromHours(2)));
        board.Apply(Rows.Completed(1, day.AddHours(2).AddMinutes(10)));

        var buckets = board.Snapshot().Intraday;

        Assert.Equal(10, buckets.Count);
        Assert.Equal(new DateTimeOffset(day.AddHours(2).AddMinutes(15), TimeSpan.FromHours(2)), buckets[^1].Start);
        Assert.Equal(new DateTimeOffset(day.AddHours(2), TimeSpan.FromHours(2)), buckets[8].Start);
        Assert.Equal(1, buckets[8].Answered);
    }
}
