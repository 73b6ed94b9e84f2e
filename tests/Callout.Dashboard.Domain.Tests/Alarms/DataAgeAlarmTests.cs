namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>
/// The age of the newest Raw data row the polls saw (rows normally land within about five minutes of a session's end,
/// §3): past 10 / 30 minutes a warning / an alarm for the whole board; a failing poll is an alarm at once.
/// </summary>
public sealed class DataAgeAlarmTests
{
    private static readonly DateTime s_newest = At(10, 0);

    private static BoardHarness PolledAt(DateTime now, bool ok = true)
    {
        var board = new BoardHarness(now);
        board.Board.Apply(new PollBatch([], [], NewestRowAt: s_newest));
        board.Board.RecordPoll(ok, ok ? null : "connection refused");
        return board;
    }

    [Theory]
    [InlineData(2, 0, null, 0d, 0d)]
    [InlineData(10, 0, null, 0d, 0d)]
    [InlineData(10, 1, AlarmLevel.Warning, 600d, 600d)]
    [InlineData(30, 1, AlarmLevel.Alarm, 1800d, 1800d)]
    public void DataAge_ByAgeOfTheNewestRow_IsNoneWarningOrAlarmForTheWholeBoard(int minutes, int seconds, AlarmLevel? level, double value, double threshold)
    {
        var board = PolledAt(s_newest.AddMinutes(minutes).AddSeconds(seconds));

        var alarm = board.Alarm(AlarmRule.DataAge);

        if (level is null)
        {
            Assert.Empty(board.Alarms);
            return;
        }
        AssertAlarm.Is(new AlarmView("data-age:::", AlarmRule.DataAge, level.Value, Local(At(10, 10)), value, threshold, AlarmUnit.Seconds), alarm);
    }

    [Fact]
    public void DataAge_NoPollYet_RaisesNothing()
    {
        var board = new BoardHarness(At(11, 0));

        board.Board.Apply(new PollBatch([], [], NewestRowAt: s_newest));

        Assert.Empty(board.Alarms);
    }

    [Fact]
    public void DataAge_NewRowsLand_IsGoneAndLogged()
    {
        var board = PolledAt(At(10, 12));
        Assert.NotNull(board.Alarm(AlarmRule.DataAge));

        board.SetLocalNow(At(10, 13));
        board.Board.Apply(new PollBatch([], [], NewestRowAt: At(10, 12, 50)));

        Assert.Empty(board.Alarms);
        AssertAlarm.Logged(new AlarmLogEntry("data-age:::", AlarmRule.DataAge, Local(At(10, 10)), Local(At(10, 13)), AlarmLevel.Warning, 720, 600, AlarmUnit.Seconds),
            Assert.Single(board.AlarmLog));
    }

    [Fact]
    public void DataAge_FailingPoll_IsAnAlarmAtOnceSinceTheFirstFailure()
    {
        var board = PolledAt(At(10, 2), ok: false);

        AssertAlarm.Is(new AlarmView("data-age:::", AlarmRule.DataAge, AlarmLevel.Alarm, Local(At(10, 2)), 120, 1800, AlarmUnit.Seconds), board.Alarm(AlarmRule.DataAge));

        board.SetLocalNow(At(10, 5));
        board.Board.RecordPoll(false, "connection refused");

        var alarm = board.Alarm(AlarmRule.DataAge);
        Assert.Equal((AlarmLevel.Alarm, 300d), (alarm?.Level, alarm?.Value));
        AssertTime.Same(Local(At(10, 2)), alarm!.Since);
    }

    [Fact]
    public void DataAge_FailingPollWithoutAnyRow_CountsFromTheFailure()
    {
        var board = new BoardHarness(At(10, 2));
        board.Board.RecordPoll(false, "connection refused");

        board.EvaluateAt(At(10, 6, 30));

        var alarm = board.Alarm(AlarmRule.DataAge);
        Assert.Equal((AlarmLevel.Alarm, 240d), (alarm?.Level, alarm?.Value));
    }

    [Fact]
    public void DataAge_PollRecoversWithFreshData_IsGone()
    {
        var board = PolledAt(At(10, 2), ok: false);

        board.SetLocalNow(At(10, 6));
        board.Board.RecordPoll(true);

        Assert.Empty(board.Alarms);
        Assert.Equal(At(10, 6), Assert.Single(board.AlarmLog).End?.DateTime);
    }

    [Fact]
    public void DataAge_PollRecoversButTheDataIsOld_StaysOnSinceTheFirstFailure()
    {
        // Failing from 10:02; at 10:12 the poll works again, but the newest row is twelve minutes old: the board has
        // needed a look since 10:02 without a break.
        var board = PolledAt(At(10, 2), ok: false);

        board.SetLocalNow(At(10, 12));
        board.Board.RecordPoll(true);

        var alarm = board.Alarm(AlarmRule.DataAge);
        Assert.Equal((AlarmLevel.Warning, 720d, 600d), (alarm?.Level, alarm?.Value, alarm?.Threshold));
        AssertTime.Same(Local(At(10, 2)), alarm!.Since);
        var logged = Assert.Single(board.AlarmLog);
        AssertTime.Same(Local(At(10, 2)), logged.Start);
        Assert.Equal(AlarmLevel.Alarm, logged.PeakLevel);
    }

    [Fact]
    public void DataAge_RuleSwitchedOff_FailingPollRaisesNothing()
    {
        var board = new BoardHarness(At(10, 2), WithAlarms(AlarmRules.Default with { DataAge = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), Enabled: false) }));

        board.Board.RecordPoll(false, "connection refused");

        Assert.Empty(board.Alarms);
    }
}
