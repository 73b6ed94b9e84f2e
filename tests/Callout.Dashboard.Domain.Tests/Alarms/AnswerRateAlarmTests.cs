namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>
/// The share of completed callouts whose destination leg was answered (<c>ciq='c'</c> result <c>k</c>), per queue: in
/// the last hour below 50 / 35 % once 10 completed, today below 55 / 40 % once 20 completed.
/// </summary>
public sealed class AnswerRateAlarmTests
{
    /// <summary>
    /// Completed callouts three minutes apart from <paramref name="from"/> (each ends 100 s after its order, with its agent leg): the first
    /// <paramref name="answered"/> answered, the rest not answered (ringing timeout).
    /// </summary>
    internal static IEnumerable<CallEventRow> Calls(int firstId, DateTime from, int count, int answered, string queueKey = Rows.QueueX) =>
        Enumerable.Range(0, count).SelectMany(i => Rows.Completed(firstId + i, from.AddMinutes(3 * i), i < answered ? "k" : "t", queueKey: queueKey));

    [Theory]
    [InlineData(9, 0, null, 0d)]                       // too few to mean something
    [InlineData(10, 5, null, 0d)]                      // 50 % is not below 50
    [InlineData(10, 4, AlarmLevel.Warning, 50d)]       // 40 %
    [InlineData(20, 7, AlarmLevel.Warning, 50d)]       // 35 % is not below 35
    [InlineData(10, 3, AlarmLevel.Alarm, 35d)]         // 30 %
    [InlineData(10, 0, AlarmLevel.Alarm, 35d)]
    public void AnswerRateHour_ByShareOfCompletedInTheLastHour_IsNoneWarningOrAlarm(int completed, int answered, AlarmLevel? level, double threshold)
    {
        // 20 calls take an hour: the window reaches back to 09:05 from 10:05, so all count; today's rule wants 20 as well.
        var board = new BoardHarness(At(10, 5), WithAlarms(AlarmRules.Default with { Queue = new QueueAlarmRules { AnswerRateToday = new(55, 40, 20, Enabled: false) } }));

        board.Apply(Calls(1, At(9, 5), completed, answered));

        var alarm = board.Alarm(AlarmRule.AnswerRateHour);
        if (level is null)
        {
            Assert.Null(alarm);
            return;
        }
        AssertAlarm.Is(
            new AlarmView("answer-rate-hour:__Callout_X::", AlarmRule.AnswerRateHour, level.Value, Local(At(10, 5)), Math.Round(100.0 * answered / completed, 1), threshold,
                AlarmUnit.Percent, Rows.QueueX),
            alarm);
    }

    [Fact]
    public void AnswerRateHour_CallsEndedMoreThanAnHourAgo_AreNotCounted()
    {
        // Ten unanswered calls ended 09:31:40 to 09:58:40; at 10:58 only the last one is within the hour.
        var board = new BoardHarness(At(10, 31));
        board.Apply(Calls(1, At(9, 30), 10, 0));
        Assert.Equal(0d, board.Alarm(AlarmRule.AnswerRateHour)?.Value);

        board.EvaluateAt(At(10, 58));

        Assert.Null(board.Alarm(AlarmRule.AnswerRateHour));
    }

    [Fact]
    public void AnswerRateHour_FallsThenRecovers_IsGoneAndLoggedWithItsLowestRate()
    {
        var board = new BoardHarness(At(9, 50));
        board.Apply(Calls(1, At(9, 0), 10, 4));                 // 40 %
        Assert.Equal(AlarmLevel.Warning, board.Alarm(AlarmRule.AnswerRateHour)?.Level);
        board.Apply(Calls(11, At(9, 31), 1, 0));                // 4 of 11: 36.4 %
        Assert.Equal(36.4, board.Alarm(AlarmRule.AnswerRateHour)?.Value);

        board.SetLocalNow(At(9, 55));
        board.Apply(Calls(12, At(9, 33), 4, 4));                // 8 of 15: 53.3 %

        Assert.Null(board.Alarm(AlarmRule.AnswerRateHour));
        // The peak of a rate is its lowest value; the threshold is that of the level it reached.
        AssertAlarm.Logged(
            new AlarmLogEntry("answer-rate-hour:__Callout_X::", AlarmRule.AnswerRateHour, Local(At(9, 50)), Local(At(9, 55)), AlarmLevel.Warning, 36.4, 50,
                AlarmUnit.Percent, Rows.QueueX),
            Assert.Single(board.AlarmLog));
    }

    [Fact]
    public void AnswerRateHour_RateMovesWithinALevel_KeepsSinceOfFirstSeen()
    {
        var board = new BoardHarness(At(9, 50));
        board.Apply(Calls(1, At(9, 0), 10, 4));

        board.SetLocalNow(At(9, 52));
        board.Apply(Calls(11, At(9, 31), 1, 0));

        var alarm = board.Alarm(AlarmRule.AnswerRateHour);
        Assert.Equal(36.4, alarm?.Value);
        AssertTime.Same(Local(At(9, 50)), alarm!.Since);
    }

    [Fact]
    public void AnswerRateHour_EachQueueOnItsOwn()
    {
        var board = new BoardHarness(At(10, 0));

        board.Apply([.. Calls(1, At(9, 0), 10, 0, Rows.QueueX), .. Calls(101, At(9, 1), 10, 10, Rows.QueueY)]);

        var alarm = Assert.Single(board.Alarms);
        Assert.Equal((AlarmRule.AnswerRateHour, Rows.QueueX, 0d), (alarm.Rule, alarm.QueueKey, alarm.Value));
    }

    [Fact]
    public void AnswerRateHour_QueueWithOwnRule_UsesItsLevelsAndGate()
    {
        var alarms = AlarmRules.Default with
        {
            Queues = AlarmRules.Default.Queues.Add(Rows.QueueY, new QueueAlarmRules { AnswerRateHour = new(80, 60, 5) }),
        };
        var board = new BoardHarness(At(10, 0), WithAlarms(alarms));

        board.Apply([.. Calls(1, At(9, 0), 5, 3, Rows.QueueX), .. Calls(101, At(9, 1), 5, 3, Rows.QueueY)]);

        var alarm = Assert.Single(board.Alarms);
        Assert.Equal((AlarmRule.AnswerRateHour, Rows.QueueY, AlarmLevel.Warning, 60d, 80d), (alarm.Rule, alarm.QueueKey, alarm.Level, alarm.Value, alarm.Threshold));
    }

    [Theory]
    [InlineData(19, 0, null, 0d)]                      // too few today
    [InlineData(20, 11, null, 0d)]                     // 55 % is not below 55
    [InlineData(20, 10, AlarmLevel.Warning, 55d)]      // 50 %
    [InlineData(20, 8, AlarmLevel.Warning, 55d)]       // 40 % is not below 40
    [InlineData(20, 7, AlarmLevel.Alarm, 40d)]         // 35 %
    public void AnswerRateToday_ByShareOfCompletedToday_IsNoneWarningOrAlarm(int completed, int answered, AlarmLevel? level, double threshold)
    {
        // All calls ended before 09:00; at 11:00 the hour's rule sees none of them.
        var board = new BoardHarness(At(11, 0));

        board.Apply(Calls(1, At(8, 0), completed, answered));

        Assert.Null(board.Alarm(AlarmRule.AnswerRateHour));
        var alarm = board.Alarm(AlarmRule.AnswerRateToday);
        if (level is null)
        {
            Assert.Null(alarm);
            return;
        }
        AssertAlarm.Is(
            new AlarmView("answer-rate-today:__Callout_X::", AlarmRule.AnswerRateToday, level.Value, Local(At(11, 0)), Math.Round(100.0 * answered / completed, 1), threshold,
                AlarmUnit.Percent, Rows.QueueX),
            alarm);
    }

    [Fact]
    public void AnswerRateToday_CallsOfYesterday_AreNotCounted()
    {
        var board = new BoardHarness(At(11, 0), new BoardRules { TimeZone = Oslo.Zone, RecentWindow = TimeSpan.FromDays(1) });

        board.Apply([.. Calls(1, At(8, 0), 10, 0), .. Calls(101, At(8, 0).AddDays(-1), 20, 0)]);

        Assert.Null(board.Alarm(AlarmRule.AnswerRateToday));
    }

    [Fact]
    public void AnswerRates_CancelledAndOpenCallouts_AreNotCompleted()
    {
        var board = new BoardHarness(At(10, 0));

        board.Apply(
        [
            .. Calls(1, At(9, 0), 9, 0),
            .. Enumerable.Range(0, 5).SelectMany(i => Rows.Cancelled(100 + i, At(9, 40).AddMinutes(i))),
            .. Rows.Ordered(200, At(9, 55)),
        ]);

        Assert.Null(board.Alarm(AlarmRule.AnswerRateHour));
    }
}
