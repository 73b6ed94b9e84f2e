namespace Callout.Dashboard.Domain.Tests;

/// <summary>§8.1: Raw data times are Oslo wall-clock; "today", due and overdue are decided in that zone.</summary>
public sealed class TimeZoneTests
{
    [Fact]
    public void Snapshot_JustAfterOsloMidnight_TodayStartsAtLocalMidnightNotUtc()
    {
        // 00:45 in Oslo is 23:45 UTC the day before: in UTC both calls below ended "today".
        var board = new BoardHarness(At(0, 45));
        var afterMidnight = At(0, 28, 20);              // ends 00:30 local
        var beforeMidnight = At(0, 0).AddMinutes(-11).AddSeconds(-40); // ends 23:50 local, the day before

        board.Apply([.. Rows.Completed(1, afterMidnight), .. Rows.Completed(2, beforeMidnight)]);

        var snapshot = board.Snapshot();
        Assert.Equal(["1", "2"], snapshot.RecentCallouts.Select(c => c.CallId)); // both within the last hour
        AssertTime.Same(Local(At(0, 30)), snapshot.RecentCallouts[0].EndedAt);
        var queue = Assert.Single(snapshot.Queues);
        Assert.Equal(1, queue.AnsweredToday);
    }

    [Fact]
    public void Snapshot_LateEveningInOslo_StillCountsTheSameLocalDay()
    {
        // 23:30 in Oslo is 22:30 UTC; a call at 00:10 local is today in Oslo and "yesterday" in UTC.
        var board = new BoardHarness(At(23, 30), new BoardRules { TimeZone = Oslo.Zone, RecentWindow = TimeSpan.FromDays(1) });

        board.Apply(Rows.Completed(1, At(0, 10)));

        Assert.Equal(1, Assert.Single(board.Snapshot().Queues).AnsweredToday);
    }

    [Theory]
    [InlineData(9, 30, false)] // 10:30 in Oslo
    [InlineData(10, 30, true)] // 11:30 in Oslo: overdue, although 10:30 UTC is before the 11:00 due time
    public void Snapshot_UtcClock_OverdueComparedInOsloTime(int utcHour, int utcMinute, bool expectedOverdue)
    {
        var board = new BoardHarness(At(8, 0));
        board.Apply(Rows.Ordered(7001, At(10, 0), initiationSec: 3600));

        board.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 15, utcHour, utcMinute, 0, TimeSpan.Zero));

        var pending = Assert.Single(board.Snapshot().ScheduledPending);
        AssertTime.Same(new DateTimeOffset(2026, 1, 15, 11, 0, 0, TimeSpan.FromHours(1)), pending.DueAt);
        Assert.Equal(expectedOverdue, pending.Overdue);
    }

    [Fact]
    public void Snapshot_Winter_CarriesPlusOneHour()
    {
        var board = new BoardHarness(At(10, 30));
        board.Apply([.. Rows.Completed(1, At(10, 0)), .. Rows.Ordered(2, At(10, 10), initiationSec: 3600)]);

        var snapshot = board.Snapshot();

        var plusOne = TimeSpan.FromHours(1);
        Assert.Equal(plusOne, snapshot.AsOf.Offset);
        Assert.Equal(new DateTime(2026, 1, 15, 10, 30, 0), snapshot.AsOf.DateTime);
        Assert.Equal(plusOne, snapshot.RecentCallouts[0].OrderedAt.Offset);
        Assert.Equal(plusOne, snapshot.RecentCallouts[0].EndedAt.Offset);
        Assert.Equal(plusOne, snapshot.ScheduledPending[0].DueAt.Offset);
        Assert.Equal("Europe/Oslo", snapshot.TimeZone);
    }

    [Fact]
    public void Snapshot_Summer_CarriesPlusTwoHours()
    {
        var day = new DateTime(2026, 7, 15);
        var board = new BoardHarness(day.AddHours(10.5));
        board.Apply([.. Rows.Completed(1, day.AddHours(10)), .. Rows.Ordered(2, day.AddHours(10).AddMinutes(12), initiationSec: 3600)]);
        board.ApplyAgents(Rows.AgentEvent("i", day.AddHours(8)));

        var snapshot = board.Snapshot();

        var plusTwo = TimeSpan.FromHours(2);
        AssertTime.Same(new DateTimeOffset(2026, 7, 15, 10, 30, 0, plusTwo), snapshot.AsOf);
        AssertTime.Same(new DateTimeOffset(2026, 7, 15, 10, 0, 0, plusTwo), snapshot.RecentCallouts[0].OrderedAt);
        Assert.Equal(plusTwo, snapshot.RecentCallouts[0].EndedAt.Offset);
        AssertTime.Same(new DateTimeOffset(2026, 7, 15, 11, 12, 0, plusTwo), snapshot.ScheduledPending[0].DueAt);
        AssertTime.Same(new DateTimeOffset(2026, 7, 15, 8, 0, 0, plusTwo), snapshot.Agents[0].Since);
    }

    [Fact]
    public void Snapshot_SpringForwardDay_CountsFromLocalMidnightWithBothOffsets()
    {
        // 2026-03-29: Oslo jumps from 02:00 (+01:00) to 03:00 (+02:00).
        var day = new DateTime(2026, 3, 29);
        var board = new BoardHarness(day.AddHours(12), new BoardRules { TimeZone = Oslo.Zone, RecentWindow = TimeSpan.FromDays(1) });
        board.Apply(
        [
            .. Rows.Completed(1, day.AddHours(1).AddMinutes(20)),   // before the jump
            .. Rows.Completed(2, day.AddHours(11)),                  // after the jump
            .. Rows.Completed(3, day.AddMinutes(-30)),               // the day before
        ]);

        var snapshot = board.Snapshot();

        AssertTime.Same(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.FromHours(2)), snapshot.AsOf);
        var byId = snapshot.RecentCallouts.ToDictionary(c => c.CallId);
        Assert.Equal(TimeSpan.FromHours(1), byId["1"].OrderedAt.Offset);
        Assert.Equal(TimeSpan.FromHours(2), byId["2"].OrderedAt.Offset);
        Assert.Equal(TimeSpan.FromHours(1), byId["3"].OrderedAt.Offset);
        Assert.Equal(2, Assert.Single(snapshot.Queues).AnsweredToday);
    }

    [Fact]
    public void Snapshot_FallBackDay_CountsFromLocalMidnightWithBothOffsets()
    {
        // 2026-10-25: Oslo falls back from 03:00 (+02:00) to 02:00 (+01:00).
        var day = new DateTime(2026, 10, 25);
        var board = new BoardHarness(day.AddHours(12), new BoardRules { TimeZone = Oslo.Zone, RecentWindow = TimeSpan.FromDays(1) });
        board.Apply(
        [
            .. Rows.Completed(1, day.AddMinutes(30)),   // +02:00
            .. Rows.Completed(2, day.AddHours(11)),     // +01:00
            .. Rows.Completed(3, day.AddMinutes(-30)),  // the day before
        ]);

        var snapshot = board.Snapshot();

        AssertTime.Same(new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.FromHours(1)), snapshot.AsOf);
        var byId = snapshot.RecentCallouts.ToDictionary(c => c.CallId);
        AssertTime.Same(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.FromHours(2)), byId["1"].OrderedAt);
        AssertTime.Same(new DateTimeOffset(2026, 10, 25, 11, 0, 0, TimeSpan.FromHours(1)), byId["2"].OrderedAt);
        Assert.Equal(2, Assert.Single(snapshot.Queues).AnsweredToday);
    }

    [Fact]
    public void Snapshot_DueTimeInSkippedHour_IsShownAfterTheJump()
    {
        // Ordered 01:50 (+01:00) for 20 minutes later: 00:50Z + 20 min = 01:10Z = 03:10 (+02:00).
        var day = new DateTime(2026, 3, 29);
        var board = new BoardHarness(day.AddHours(1).AddMinutes(55));

        board.Apply(Rows.Ordered(7001, day.AddHours(1).AddMinutes(50), initiationSec: 1200));

        var pending = Assert.Single(board.Snapshot().ScheduledPending);
        AssertTime.Same(new DateTimeOffset(2026, 3, 29, 3, 10, 0, TimeSpan.FromHours(2)), pending.DueAt);
        Assert.False(pending.Overdue);
    }

    /// <summary>
    /// A call scheduled the evening before a DST change: duration_tot_sec is elapsed time (T1 − T0), so
    /// the due instant is the order instant plus that many seconds, not the wall-clock time plus it.
    /// </summary>
    [Theory]
    [InlineData("2026-03-28T20:00", "2026-03-29T09:00", "2026-03-29T08:30", false)] // spring forward: 12 h elapsed
    [InlineData("2026-10-24T20:00", "2026-10-25T09:00", "2026-10-25T09:30", true)]  // fall back: 14 h elapsed
    public void Snapshot_ScheduledAcrossDstChange_DueAtScheduledWallClock(string orderedAt, string dueAt, string now, bool expectedOverdue)
    {
        var t0 = DateTime.Parse(orderedAt, System.Globalization.CultureInfo.InvariantCulture);
        var t1 = DateTime.Parse(dueAt, System.Globalization.CultureInfo.InvariantCulture);
        var elapsed = (int)(ToInstant(t1) - ToInstant(t0)).TotalSeconds;
        var board = new BoardHarness(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        board.Apply(Rows.Ordered(7001, t0, initiationSec: elapsed));

        var pending = Assert.Single(board.Snapshot().ScheduledPending);
        AssertTime.Same(Local(t1), pending.DueAt);
        Assert.Equal(expectedOverdue, pending.Overdue);
    }

    [Fact]
    public void Snapshot_InProgressAcrossSpringForward_UsesElapsedTimeForLimit()
    {
        // Ordered 01:50 (+01:00) = 00:50Z; now 03:15 (+02:00) = 01:15Z: 25 minutes have passed, not 85.
        var day = new DateTime(2026, 3, 29);
        var board = new BoardHarness(day.AddHours(3).AddMinutes(15));

        board.Apply(Rows.Ordered(7001, day.AddHours(1).AddMinutes(50)));

        Assert.Equal(ActiveState.InProgress, Assert.Single(board.Snapshot().ActiveCallouts).State);
    }
}
