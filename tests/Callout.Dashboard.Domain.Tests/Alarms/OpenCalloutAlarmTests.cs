namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>
/// A callout ordered and not finished (§8.6 "in progress": the order session landed, the call session not yet): rows
/// normally land within about five minutes of a call's end, so one open for 10 / 20 minutes needs a look.
/// </summary>
public sealed class OpenCalloutAlarmTests
{
    private static readonly DateTime s_ordered = At(10, 0);

    [Theory]
    [InlineData(9, 59, null, 0, 0)]
    [InlineData(10, 0, null, 0, 0)]
    [InlineData(10, 1, AlarmLevel.Warning, 600, 600)]
    [InlineData(20, 0, AlarmLevel.Warning, 1200, 600)]
    [InlineData(20, 1, AlarmLevel.Alarm, 1200, 1200)]
    [InlineData(35, 0, AlarmLevel.Alarm, 2100, 1200)] // awaiting data by now, still open
    public void OpenCallout_ByMinutesOpen_IsNoneWarningOrAlarm(int minutes, int seconds, AlarmLevel? level, double value, double threshold)
    {
        var board = new BoardHarness(s_ordered.AddMinutes(minutes).AddSeconds(seconds));

        board.Apply(Rows.Ordered(7001, s_ordered, agentId: Rows.AgentId));

        var alarm = board.Alarm(AlarmRule.OpenCallout);
        if (level is null)
        {
            Assert.Null(alarm);
            return;
        }
        AssertAlarm.Is(
            new AlarmView("open-callout:__Callout_X:1001:7001", AlarmRule.OpenCallout, level.Value, Local(At(10, 10)), value, threshold, AlarmUnit.Seconds,
                Rows.QueueX, Rows.AgentId, "7001"),
            alarm);
    }

    [Fact]
    public void OpenCallout_CallSessionLands_IsGoneAndLogged()
    {
        var board = new BoardHarness(At(10, 9));
        board.Apply(Rows.Ordered(7001, s_ordered, agentId: Rows.AgentId));
        Assert.Empty(board.Alarms);

        board.EvaluateAt(At(10, 11));
        var since = board.Alarm(AlarmRule.OpenCallout)!.Since;
        board.EvaluateAt(At(10, 22));
        AssertTime.Same(since, board.Alarm(AlarmRule.OpenCallout)!.Since);

        board.SetLocalNow(At(10, 24));
        board.Apply(Rows.Completed(7001, s_ordered));

        Assert.Empty(board.Alarms);
        AssertAlarm.Logged(
            new AlarmLogEntry("open-callout:__Callout_X:1001:7001", AlarmRule.OpenCallout, Local(At(10, 10)), Local(At(10, 24)), AlarmLevel.Alarm, 1320, 1200,
                AlarmUnit.Seconds, Rows.QueueX, Rows.AgentId, "7001"),
            Assert.Single(board.AlarmLog));
    }

    [Fact]
    public void OpenCallout_QueueWithOwnRule_UsesIt()
    {
        var alarms = AlarmRules.Default with
        {
            Queues = AlarmRules.Default.Queues.Add(Rows.QueueY, new QueueAlarmRules { OpenCallout = new(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)) }),
        };
        var board = new BoardHarness(At(10, 3), WithAlarms(alarms));

        board.Apply([.. Rows.Ordered(1, s_ordered), .. Rows.Ordered(2, s_ordered, queueKey: Rows.QueueY)]);

        var alarm = Assert.Single(board.Alarms);
        Assert.Equal((AlarmRule.OpenCallout, Rows.QueueY, "2", AlarmLevel.Warning, 180d, 120d),
            (alarm.Rule, alarm.QueueKey, alarm.CallId, alarm.Level, alarm.Value, alarm.Threshold));
    }

    [Fact]
    public void OpenCallout_ScheduledCallWaiting_IsNoOpenCallout()
    {
        var board = new BoardHarness(At(10, 50));

        board.Apply(Rows.Ordered(7001, s_ordered, initiationSec: 3600));

        // Due in ten minutes with no agent free, it is a due-soon warning, but it is no callout left open.
        Assert.Equal([AlarmRule.DueSoon], board.Alarms.Select(a => a.Rule));
    }
}
