namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>
/// Scheduled calls past their due time (scenario E of the domain notes, "moved into the queue with high priority" at T1
/// and waiting there for a Ready agent): per call from 5 / 15 minutes overdue, per queue from 3 / 6 overdue calls.
/// </summary>
public sealed class ScheduledAlarmTests
{
    // Ordered at 09:00 for 10:00: the Initiation runs from T0 to T1.
    private static readonly DateTime s_due = At(10, 0);

    private static CallEventRow[] Scheduled(decimal callId, DateTime due, string queueKey = Rows.QueueX, int? agentId = null) =>
        Rows.Ordered(callId, due.AddHours(-1), initiationSec: 3600, queueKey: queueKey, agentId: agentId);

    [Theory]
    [InlineData(0, 0)]   // due now
    [InlineData(4, 59)]
    [InlineData(5, 0)]   // the warning level itself is not past it
    public void ScheduledOverdue_UpToFiveMinutes_RaisesNothing(int minutes, int seconds)
    {
        var board = new BoardHarness(s_due.AddMinutes(minutes).AddSeconds(seconds));

        board.Apply(Scheduled(7001, s_due));

        Assert.Null(board.Alarm(AlarmRule.ScheduledOverdue));
    }

    [Theory]
    [InlineData(5, 1, AlarmLevel.Warning, 300, 300)]
    [InlineData(14, 59, AlarmLevel.Warning, 840, 300)]
    [InlineData(15, 0, AlarmLevel.Warning, 900, 300)]
    [InlineData(15, 1, AlarmLevel.Alarm, 900, 900)]
    [InlineData(42, 30, AlarmLevel.Alarm, 2520, 900)]
    public void ScheduledOverdue_PastALevel_IsThatLevelInWholeMinutesAsSeconds(int minutes, int seconds, AlarmLevel level, double value, double threshold)
    {
        var board = new BoardHarness(s_due.AddMinutes(minutes).AddSeconds(seconds));

        board.Apply(Scheduled(7001, s_due, agentId: Rows.AgentId));

        // Since is when the call crossed the warning level: its due time plus five minutes, from the rows alone.
        AssertAlarm.Is(
            new AlarmView("scheduled-overdue:__Callout_X:1001:7001", AlarmRule.ScheduledOverdue, level, Local(At(10, 5)), value, threshold, AlarmUnit.Seconds,
                Rows.QueueX, Rows.AgentId, "7001"),
            board.Alarm(AlarmRule.ScheduledOverdue));
    }

    [Fact]
    public void ScheduledOverdue_ClockMovesOn_SinceStaysTheCrossingTime()
    {
        var board = new BoardHarness(At(10, 7));
        board.Apply(Scheduled(7001, s_due));
        var first = board.Alarm(AlarmRule.ScheduledOverdue)!.Since;

        board.EvaluateAt(At(10, 12));
        board.EvaluateAt(At(10, 31));

        AssertTime.Same(Local(At(10, 5)), first);
        AssertTime.Same(first, board.Alarm(AlarmRule.ScheduledOverdue)!.Since);
    }

    [Fact]
    public void ScheduledOverdue_WarningThenAlarmThenMade_IsGoneAndLoggedWithStartEndAndPeak()
    {
        var board = new BoardHarness(At(10, 3));
        board.Apply(Scheduled(7001, s_due));
        Assert.Empty(board.Alarms);

        board.EvaluateAt(At(10, 6));
        Assert.Equal(AlarmLevel.Warning, board.Alarm(AlarmRule.ScheduledOverdue)?.Level);
        board.EvaluateAt(At(10, 20, 30));
        Assert.Equal(AlarmLevel.Alarm, board.Alarm(AlarmRule.ScheduledOverdue)?.Level);

        // The call session lands: the scheduled call was made, nothing waits any more.
        board.SetLocalNow(At(10, 25));
        board.Apply(Rows.Completed(7001, s_due.AddHours(-1), initiationSec: 3600));

        Assert.Null(board.Alarm(AlarmRule.ScheduledOverdue));
        AssertAlarm.Logged(
            new AlarmLogEntry("scheduled-overdue:__Callout_X::7001", AlarmRule.ScheduledOverdue, Local(At(10, 5)), Local(At(10, 25)), AlarmLevel.Alarm, 1200, 900,
                AlarmUnit.Seconds, Rows.QueueX, null, "7001"),
            Assert.Single(board.AlarmLog));
    }

    [Fact]
    public void ScheduledOverdue_DeletedWhileOverdue_IsGone()
    {
        var board = new BoardHarness(At(10, 8));
        board.Apply(Scheduled(7001, s_due));
        Assert.NotNull(board.Alarm(AlarmRule.ScheduledOverdue));

        board.Apply(Rows.Deleted(7001, s_due.AddHours(-1), At(10, 8)));

        Assert.Null(board.Alarm(AlarmRule.ScheduledOverdue));
        Assert.NotNull(Assert.Single(board.AlarmLog).End);
    }

    [Fact]
    public void ScheduledOverdue_QueueWithOwnRule_UsesItAndOtherQueuesKeepTheDefault()
    {
        var alarms = AlarmRules.Default with
        {
            Queues = AlarmRules.Default.Queues.Add(Rows.QueueY, new QueueAlarmRules { ScheduledOverdue = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)) }),
        };
        var board = new BoardHarness(At(10, 3), WithAlarms(alarms));

        board.Apply([.. Scheduled(1, s_due, Rows.QueueX), .. Scheduled(2, s_due, Rows.QueueY)]);

        var alarm = Assert.Single(board.Alarms);
        Assert.Equal((AlarmRule.ScheduledOverdue, Rows.QueueY, "2", AlarmLevel.Alarm, 180d, 120d),
            (alarm.Rule, alarm.QueueKey, alarm.CallId, alarm.Level, alarm.Value, alarm.Threshold));
        AssertTime.Same(Local(At(10, 1)), alarm.Since);
    }

    [Fact]
    public void ScheduledOverdue_RuleSwitchedOff_RaisesNothing()
    {
        var alarms = AlarmRules.Default with { Queue = new QueueAlarmRules { ScheduledOverdue = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), Enabled: false) } };
        var board = new BoardHarness(At(10, 30), WithAlarms(alarms));

        board.Apply(Scheduled(7001, s_due));

        Assert.Empty(board.Alarms);
    }

    [Fact]
    public void ScheduledOverdue_WaitingCall_RaisesNothing()
    {
        var board = new BoardHarness(At(10, 30));

        board.Apply(Scheduled(7001, At(11, 0)));

        Assert.Empty(board.Alarms);
    }

    [Theory]
    [InlineData(2, null, null)]
    [InlineData(3, AlarmLevel.Warning, 3d)]
    [InlineData(5, AlarmLevel.Warning, 3d)]
    [InlineData(6, AlarmLevel.Alarm, 6d)]
    [InlineData(8, AlarmLevel.Alarm, 6d)]
    public void OverdueCount_FromThreeAndFromSix_IsWarningAndAlarm(int overdue, AlarmLevel? level, double? threshold)
    {
        // A minute overdue each: well under the per-call rule, so only the count speaks.
        var board = new BoardHarness(At(10, 1));

        board.Apply(Enumerable.Range(1, overdue).SelectMany(i => Scheduled(i, s_due)));

        var alarm = board.Alarm(AlarmRule.OverdueCount);
        if (level is null)
        {
            Assert.Null(alarm);
            return;
        }
        AssertAlarm.Is(new AlarmView("overdue-count:__Callout_X::", AlarmRule.OverdueCount, level.Value, Local(At(10, 1)), overdue, threshold!.Value, AlarmUnit.Count, Rows.QueueX),
            alarm);
    }

    [Fact]
    public void OverdueCount_ThirdCallFallsDue_SinceIsWhenFirstSeenAndStaysSo()
    {
        var board = new BoardHarness(At(10, 1, 30));
        board.Apply([.. Scheduled(1, At(10, 0)), .. Scheduled(2, At(10, 1)), .. Scheduled(3, At(10, 2))]);
        Assert.Null(board.Alarm(AlarmRule.OverdueCount));

        // A count is only known by watching: since is the evaluation that first saw three, not the due time of the third.
        board.EvaluateAt(At(10, 2, 40));
        board.EvaluateAt(At(10, 4, 0));

        var alarm = board.Alarm(AlarmRule.OverdueCount);
        Assert.Equal(3, alarm?.Value);
        AssertTime.Same(Local(At(10, 2, 40)), alarm!.Since);
    }

    [Fact]
    public void OverdueCount_CountsOnlyOverdueCallsOfItsOwnQueue()
    {
        var board = new BoardHarness(At(10, 1));

        board.Apply(
        [
            .. Scheduled(1, s_due), .. Scheduled(2, s_due), .. Scheduled(3, At(10, 30)), // X: two overdue, one waiting
            .. Scheduled(4, s_due, Rows.QueueY), .. Scheduled(5, s_due, Rows.QueueY), .. Scheduled(6, s_due, Rows.QueueY),
        ]);

        var alarm = Assert.Single(board.Alarms);
        Assert.Equal((AlarmRule.OverdueCount, Rows.QueueY, 3d), (alarm.Rule, alarm.QueueKey, alarm.Value));
    }

    [Fact]
    public void OverdueCount_QueueWithOwnRule_UsesIt()
    {
        var alarms = AlarmRules.Default with { Queues = AlarmRules.Default.Queues.Add(Rows.QueueX, new QueueAlarmRules { OverdueCount = new(1, 2) }) };
        var board = new BoardHarness(At(10, 1), WithAlarms(alarms));

        board.Apply([.. Scheduled(1, s_due), .. Scheduled(2, s_due)]);

        var alarm = board.Alarm(AlarmRule.OverdueCount);
        Assert.Equal((AlarmLevel.Alarm, 2d, 2d), (alarm?.Level, alarm?.Value, alarm?.Threshold));
    }

    [Fact]
    public void OverdueCount_CallsMadeUntilBelowThree_IsGoneAndLoggedWithPeak()
    {
        var board = new BoardHarness(At(10, 1));
        board.Apply(Enumerable.Range(1, 6).SelectMany(i => Scheduled(i, s_due)));
        Assert.Equal(AlarmLevel.Alarm, board.Alarm(AlarmRule.OverdueCount)?.Level);

        board.SetLocalNow(At(10, 3));
        board.Apply(Enumerable.Range(1, 4).SelectMany(i => Rows.Completed(i, s_due.AddHours(-1), initiationSec: 3600)));

        Assert.Null(board.Alarm(AlarmRule.OverdueCount));
        AssertAlarm.Logged(
            new AlarmLogEntry("overdue-count:__Callout_X::", AlarmRule.OverdueCount, Local(At(10, 1)), Local(At(10, 3)), AlarmLevel.Alarm, 6, 6, AlarmUnit.Count, Rows.QueueX),
            Assert.Single(board.AlarmLog));
    }
}
