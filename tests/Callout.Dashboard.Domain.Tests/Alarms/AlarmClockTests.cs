namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>
/// Alarms against the centre's clock (§8.1: Raw data times are Oslo wall-clock): "today" starts at local midnight, and a
/// duration across a DST change is elapsed time (Puzzel's durations are), not the difference of two wall-clock times.
/// </summary>
public sealed class AlarmClockTests
{
    private static readonly DateTime s_tomorrow = Winter.AddDays(1);

    [Fact]
    public void AnswerRateToday_AtLocalMidnight_StartsAgain()
    {
        // Twenty calls ended 21:01:40 to 21:58:40, seven answered: 35 %. Out of the hour's reach by 23:00.
        var board = new BoardHarness(At(23, 59, 59));
        board.Apply(AnswerRateAlarmTests.Calls(1, At(21, 0), 20, 7));
        Assert.Equal(35, board.Alarm(AlarmRule.AnswerRateToday)?.Value);

        board.EvaluateAt(s_tomorrow);

        Assert.Null(board.Alarm(AlarmRule.AnswerRateToday));
        // Ended at midnight, so today's log still has it.
        Assert.Equal(s_tomorrow, Assert.Single(board.AlarmLog).End?.DateTime);
    }

    [Fact]
    public void AnswerRateToday_MidnightInOsloNotUtc()
    {
        // 00:30 in Oslo is 23:30 UTC the day before: in UTC the calls of 21:00 local (20:00 UTC) would be today's.
        var board = new BoardHarness(At(23, 0));
        board.Apply(AnswerRateAlarmTests.Calls(1, At(21, 0), 20, 0));
        Assert.NotNull(board.Alarm(AlarmRule.AnswerRateToday));

        board.EvaluateAt(s_tomorrow.AddMinutes(30));

        Assert.Null(board.Alarm(AlarmRule.AnswerRateToday));
    }

    [Fact]
    public void AlarmLog_AfterMidnight_ForgetsAlarmsThatEndedBeforeAndKeepsThoseStillOn()
    {
        // Agent 1001's Coffee pause ran long and ended at 23:40; agent 1002's Lunch began at 22:30 and goes on.
        var board = new BoardHarness(At(23, 30));
        board.ApplyAgents(
            Rows.AgentEvent("p", At(23, 0), pauseType: "Coffee"),
            Rows.AgentEvent("p", At(22, 30), agentId: Rows.OtherAgentId, pauseType: "Lunch"));
        Assert.Equal(2, board.Alarms.Count);
        board.SetLocalNow(At(23, 40));
        board.ApplyAgents(Rows.AgentEvent("r", At(23, 40)));
        Assert.Equal(2, board.AlarmLog.Count);

        var delta = board.EvaluateAt(s_tomorrow.AddMinutes(1));

        Assert.NotNull(delta);
        var entry = Assert.Single(board.AlarmLog);
        Assert.Equal((Rows.OtherAgentId, (DateTimeOffset?)null), (entry.AgentId, entry.End));
        AssertTime.Same(Local(At(23, 5)), entry.Start); // began yesterday, still on
        Assert.Equal(Rows.OtherAgentId, Assert.Single(board.Alarms).AgentId);
    }

    [Fact]
    public void OpenCallout_AcrossSpringForward_IsElapsedTime()
    {
        // 2026-03-29: Oslo jumps from 02:00 (+01:00) to 03:00 (+02:00). Ordered 01:55, now 03:06: eleven minutes
        // open (a warning), not 71 on the wall clock (an alarm).
        var day = new DateTime(2026, 3, 29);
        var board = new BoardHarness(day.AddHours(3).AddMinutes(6));

        board.Apply(Rows.Ordered(7001, day.AddHours(1).AddMinutes(55)));

        var alarm = board.Alarm(AlarmRule.OpenCallout);
        Assert.Equal((AlarmLevel.Warning, 660d, 600d), (alarm?.Level, alarm?.Value, alarm?.Threshold));
        // Ten minutes after 01:55 (+01:00) is 03:05 (+02:00).
        AssertTime.Same(new DateTimeOffset(2026, 3, 29, 3, 5, 0, TimeSpan.FromHours(2)), alarm!.Since);
    }

    [Fact]
    public void ScheduledOverdue_AcrossSpringForward_IsElapsedTime()
    {
        // Due 01:58 (+01:00), now 03:04 (+02:00): six minutes overdue, not 66.
        var day = new DateTime(2026, 3, 29);
        var board = new BoardHarness(day.AddHours(3).AddMinutes(4));

        board.Apply(Rows.Ordered(7001, day.AddHours(1), initiationSec: 58 * 60));

        var alarm = board.Alarm(AlarmRule.ScheduledOverdue);
        Assert.Equal((AlarmLevel.Warning, 360d), (alarm?.Level, alarm?.Value));
        AssertTime.Same(new DateTimeOffset(2026, 3, 29, 3, 3, 0, TimeSpan.FromHours(2)), alarm!.Since);
    }

    [Fact]
    public void LongPause_AcrossSpringForward_IsElapsedTime()
    {
        // A Meeting pause from 01:50 (+01:00); at 03:06 (+02:00) it has lasted 16 minutes, not 76.
        var day = new DateTime(2026, 3, 29);
        var board = new BoardHarness(day.AddHours(3).AddMinutes(6));

        board.ApplyAgents(Rows.AgentEvent("p", day.AddHours(1).AddMinutes(50), pauseType: "Meeting"));

        var alarm = board.Alarm(AlarmRule.LongPause);
        Assert.Equal((AlarmLevel.Warning, 960d), (alarm?.Level, alarm?.Value));
        AssertTime.Same(new DateTimeOffset(2026, 3, 29, 3, 5, 0, TimeSpan.FromHours(2)), alarm!.Since);
    }

    [Fact]
    public void LongPause_AcrossFallBack_IsElapsedTime()
    {
        // 2026-10-25: Oslo falls back from 03:00 (+02:00) to 02:00 (+01:00). A Training pause (2 h / 3 h) from 01:50
        // (+02:00); at 03:10 (+01:00) it has lasted 2 h 20 min, not the 1 h 20 min on the wall clock.
        var alarms = AlarmRules.Default with { PauseTypes = AlarmRules.Default.PauseTypes.SetItem("Training", new(TimeSpan.FromHours(2), TimeSpan.FromHours(3))) };
        var day = new DateTime(2026, 10, 25);
        var board = new BoardHarness(day.AddHours(3).AddMinutes(10), WithAlarms(alarms));

        board.ApplyAgents(Rows.AgentEvent("p", day.AddHours(1).AddMinutes(50), pauseType: "Training"));

        var alarm = board.Alarm(AlarmRule.LongPause);
        Assert.Equal((AlarmLevel.Warning, 8400d, 7200d), (alarm?.Level, alarm?.Value, alarm?.Threshold));
        // Two hours after 01:50 (+02:00) is the second 02:50, at +01:00.
        AssertTime.Same(new DateTimeOffset(2026, 10, 25, 2, 50, 0, TimeSpan.FromHours(1)), alarm!.Since);
    }

    [Fact]
    public void OpenCallout_AcrossFallBack_IsElapsedTime()
    {
        // Ordered 01:55 (+02:00), now 03:01 (+01:00): 2 h 6 min open (an alarm), not 66 wall-clock minutes.
        var alarms = AlarmRules.Default with { Queue = new QueueAlarmRules { OpenCallout = new(TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(120)) } };
        var day = new DateTime(2026, 10, 25);
        var board = new BoardHarness(day.AddHours(3).AddMinutes(1), WithAlarms(alarms));

        board.Apply(Rows.Ordered(7001, day.AddHours(1).AddMinutes(55)));

        var alarm = board.Alarm(AlarmRule.OpenCallout);
        Assert.Equal((AlarmLevel.Alarm, 7560d, 7200d), (alarm?.Level, alarm?.Value, alarm?.Threshold));
    }
}
