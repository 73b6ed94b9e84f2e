namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>
/// The share of callouts cancelled by the agent or deleted (§9.1: a Queue event with result <c>d</c>) among completed,
/// cancelled and deleted ones ending in the last hour, per queue: above 15 / 30 % once there are 10.
/// </summary>
public sealed class CancelledShareAlarmTests
{
    private static readonly DateTime s_now = At(10, 0);

    private static IEnumerable<CallEventRow> Hour(int completed, int cancelled, int deleted, string queueKey = Rows.QueueX, int firstId = 1) =>
    [
        .. AnswerRateAlarmTests.Calls(firstId, At(9, 1), completed, completed, queueKey),
        .. Enumerable.Range(0, cancelled).SelectMany(i => Rows.Cancelled(firstId + 100 + i, At(9, 20).AddMinutes(i), queueKey)),
        .. Enumerable.Range(0, deleted).SelectMany(i => Rows.Deleted(firstId + 200 + i, At(9, 0), At(9, 40).AddMinutes(i), queueKey: queueKey)),
    ];

    [Theory]
    [InlineData(7, 2, 0, null, 0d)]                 // 9 in the hour: too few
    [InlineData(17, 3, 0, null, 0d)]                // 15 % is not above 15
    [InlineData(8, 2, 0, AlarmLevel.Warning, 15d)]  // 20 %
    [InlineData(8, 0, 2, AlarmLevel.Warning, 15d)]  // deleted counts as cancelled
    [InlineData(7, 1, 2, AlarmLevel.Warning, 15d)]  // 30 % is not above 30
    [InlineData(6, 2, 2, AlarmLevel.Alarm, 30d)]    // 40 %
    public void CancelledShareHour_ByShare_IsNoneWarningOrAlarm(int completed, int cancelled, int deleted, AlarmLevel? level, double threshold)
    {
        var board = new BoardHarness(s_now);

        board.Apply(Hour(completed, cancelled, deleted));

        var alarm = board.Alarm(AlarmRule.CancelledShareHour);
        if (level is null)
        {
            Assert.Null(alarm);
            return;
        }
        var share = Math.Round(100.0 * (cancelled + deleted) / (completed + cancelled + deleted), 1);
        AssertAlarm.Is(new AlarmView("cancelled-share-hour:__Callout_X::", AlarmRule.CancelledShareHour, level.Value, Local(s_now), share, threshold, AlarmUnit.Percent, Rows.QueueX),
            alarm);
    }

    [Fact]
    public void CancelledShareHour_CancelledMoreThanAnHourAgo_LeavesTheShare()
    {
        // Cancelled 09:20:13 to 09:23:13, completed ended 09:02:40 to 09:23:40: at 10:24 all are out of the hour.
        var board = new BoardHarness(s_now);
        board.Apply(Hour(8, 4, 0));
        Assert.Equal(AlarmLevel.Alarm, board.Alarm(AlarmRule.CancelledShareHour)?.Level);

        board.EvaluateAt(At(10, 24));

        Assert.Null(board.Alarm(AlarmRule.CancelledShareHour));
        var logged = Assert.Single(board.AlarmLog);
        AssertAlarm.Logged(
            new AlarmLogEntry("cancelled-share-hour:__Callout_X::", AlarmRule.CancelledShareHour, Local(s_now), Local(At(10, 24)), AlarmLevel.Alarm, 33.3, 30, AlarmUnit.Percent,
                Rows.QueueX),
            logged);
    }

    [Fact]
    public void CancelledShareHour_QueueWithOwnRule_UsesIt()
    {
        var alarms = AlarmRules.Default with
        {
            Queues = AlarmRules.Default.Queues.Add(Rows.QueueY, new QueueAlarmRules { CancelledShareHour = new(40, 60, 4) }),
        };
        var board = new BoardHarness(s_now, WithAlarms(alarms));

        board.Apply([.. Hour(3, 2, 0, Rows.QueueX), .. Hour(2, 3, 0, Rows.QueueY, firstId: 1000)]);

        var alarm = Assert.Single(board.Alarms);
        Assert.Equal((AlarmRule.CancelledShareHour, Rows.QueueY, AlarmLevel.Warning, 60d, 40d), (alarm.Rule, alarm.QueueKey, alarm.Level, alarm.Value, alarm.Threshold));
    }
}
