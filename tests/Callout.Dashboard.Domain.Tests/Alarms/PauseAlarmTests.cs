namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>
/// An agent's pause that lasts (per pause type: Lunch is not Coffee), and Connected-and-Pause (§9.3: "If Pause is
/// clicked while connected, the agent will be in status [Connected and Pause]"), which has its own, shorter limits.
/// </summary>
public sealed class PauseAlarmTests
{
    private static readonly DateTime s_paused = At(10, 0);

    private static BoardHarness PausedAt(DateTime now, string? pauseType, BoardRules? rules = null)
    {
        var board = new BoardHarness(now, rules);
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", s_paused, pauseType: pauseType));
        return board;
    }

    [Theory]
    [InlineData("Meeting", 15, 0, null, 0, 0)]  // a type without its own rule: 15 / 25 minutes
    [InlineData("Meeting", 15, 1, AlarmLevel.Warning, 900, 900)]
    [InlineData("Meeting", 25, 1, AlarmLevel.Alarm, 1500, 1500)]
    [InlineData(null, 16, 0, AlarmLevel.Warning, 960, 900)]  // a pause without a reason
    [InlineData("Lunch", 25, 1, null, 0, 0)]    // Lunch: 35 / 45
    [InlineData("Lunch", 35, 1, AlarmLevel.Warning, 2100, 2100)]
    [InlineData("Lunch", 45, 1, AlarmLevel.Alarm, 2700, 2700)]
    [InlineData("Coffee", 10, 0, null, 0, 0)]   // Coffee: 10 / 15
    [InlineData("Coffee", 10, 1, AlarmLevel.Warning, 600, 600)]
    [InlineData("Coffee", 15, 1, AlarmLevel.Alarm, 900, 900)]
    public void LongPause_ByPauseTypeAndLength_IsNoneWarningOrAlarm(string? pauseType, int minutes, int seconds, AlarmLevel? level, double value, double threshold)
    {
        var board = PausedAt(s_paused.AddMinutes(minutes).AddSeconds(seconds), pauseType);

        board.Board.EvaluateAlarms();

        var alarm = board.Alarm(AlarmRule.LongPause);
        if (level is null)
        {
            Assert.Empty(board.Alarms);
            return;
        }
        var warning = pauseType switch { "Lunch" => 35, "Coffee" => 10, _ => 15 };
        AssertAlarm.Is(
            new AlarmView("long-pause::1001:", AlarmRule.LongPause, level.Value, Local(s_paused.AddMinutes(warning)), value, threshold, AlarmUnit.Seconds,
                AgentId: Rows.AgentId, PauseType: pauseType),
            alarm);
    }

    [Theory]
    [InlineData("LUNCH")]
    [InlineData("lunch")]
    [InlineData(" Lunch ")]
    public void LongPause_PauseTypeInOtherCaseOrPadded_IsThatType(string pauseType)
    {
        var board = PausedAt(At(10, 30), pauseType);

        board.Board.EvaluateAlarms();

        // Half an hour: a long default pause, but not a long lunch.
        Assert.Empty(board.Alarms);
        board.EvaluateAt(At(10, 36));
        Assert.Equal(2100, board.Alarm(AlarmRule.LongPause)?.Threshold);
    }

    [Fact]
    public void LongPause_TypeWithOwnRule_UsesIt()
    {
        var alarms = AlarmRules.Default with { PauseTypes = AlarmRules.Default.PauseTypes.SetItem("Training", new(TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(90))) };
        var board = PausedAt(At(10, 59), "training", WithAlarms(alarms));

        board.Board.EvaluateAlarms();
        Assert.Empty(board.Alarms);
        board.EvaluateAt(At(11, 31));

        var alarm = board.Alarm(AlarmRule.LongPause);
        Assert.Equal((AlarmLevel.Alarm, 5460d, 5400d, "training"), (alarm?.Level, alarm?.Value, alarm?.Threshold, alarm?.PauseType));
    }

    [Fact]
    public void LongPause_ReturnFromPause_IsGoneAndLoggedWithStartEndAndPeak()
    {
        var board = PausedAt(At(10, 9), "Coffee");
        Assert.Empty(board.Alarms);
        board.EvaluateAt(At(10, 12));
        var since = board.Alarm(AlarmRule.LongPause)!.Since;
        board.EvaluateAt(At(10, 17));
        AssertTime.Same(since, board.Alarm(AlarmRule.LongPause)!.Since);

        board.SetLocalNow(At(10, 18, 30));
        board.ApplyAgents(Rows.AgentEvent("r", At(10, 18)));

        Assert.Empty(board.Alarms);
        AssertAlarm.Logged(
            new AlarmLogEntry("long-pause::1001:", AlarmRule.LongPause, Local(At(10, 10)), Local(At(10, 18, 30)), AlarmLevel.Alarm, 1020, 900, AlarmUnit.Seconds,
                AgentId: Rows.AgentId, PauseType: "Coffee"),
            Assert.Single(board.AlarmLog));
    }

    [Fact]
    public void LongPause_LoggedOnInPause_CountsFromThePause()
    {
        // Logging on directly to pause writes an i and a p a few milliseconds apart.
        var board = new BoardHarness(At(10, 16));
        board.ApplyAgents(Rows.AgentEvent("p", s_paused, pauseType: "Meeting"), Rows.AgentEvent("i", s_paused.AddMilliseconds(40)));

        AssertTime.Same(Local(At(10, 15)), board.Alarm(AlarmRule.LongPause)!.Since);
    }

    [Fact]
    public void ConnectedAndPause_PauseClickedWhileConnected_HasItsOwnLimitsAndNoLongPause()
    {
        // The callout was ordered at 10:00 and its call session has not landed; Pause was clicked at 10:02.
        var board = new BoardHarness(At(10, 5));
        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)), Rows.AgentEvent("p", At(10, 2), pauseType: "Coffee"));
        Assert.Empty(board.Alarms); // 3 minutes are not past 3

        board.EvaluateAt(At(10, 5, 1));
        AssertAlarm.Is(
            new AlarmView("connected-and-pause::1001:", AlarmRule.ConnectedAndPause, AlarmLevel.Warning, Local(At(10, 5)), 180, 180, AlarmUnit.Seconds,
                AgentId: Rows.AgentId, PauseType: "Coffee"),
            board.Alarm(AlarmRule.ConnectedAndPause));

        // Eleven minutes: past C&P's alarm level, and past the warning level of a Coffee pause, which C&P replaces.
        board.EvaluateAt(At(10, 13));
        var alarm = board.Alarm(AlarmRule.ConnectedAndPause)!;
        Assert.Equal((AlarmLevel.Alarm, 660d, 480d), (alarm.Level, alarm.Value, alarm.Threshold));
        AssertTime.Same(Local(At(10, 5)), alarm.Since);
        Assert.Null(board.Alarm(AlarmRule.LongPause));
    }

    [Fact]
    public void ConnectedAndPause_CallSessionLands_BecomesAPlainPauseJudgedByItsType()
    {
        var board = new BoardHarness(At(10, 6));
        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));
        board.ApplyAgents(Rows.AgentEvent("p", At(10, 2), pauseType: "Meeting"));
        Assert.NotNull(board.Alarm(AlarmRule.ConnectedAndPause));

        board.SetLocalNow(At(10, 8));
        board.Apply(Rows.Completed(7001, At(10, 0)));
        Assert.Empty(board.Alarms); // 6 minutes of a Meeting pause

        board.EvaluateAt(At(10, 17, 1));
        var alarm = Assert.Single(board.Alarms);
        Assert.Equal((AlarmRule.LongPause, "Meeting"), (alarm.Rule, alarm.PauseType));
        AssertTime.Same(Local(At(10, 17)), alarm.Since);
        Assert.Equal(At(10, 8), Assert.Single(board.AlarmLog, e => e.Rule == AlarmRule.ConnectedAndPause).End?.DateTime);
    }

    [Fact]
    public void ConnectedAndPause_CalloutAwaitingDataPastTheLimit_IsJudgedAsAPlainPause()
    {
        // After 30 minutes an open callout is shown as awaiting data, no longer as the sign that the agent is connected.
        var board = new BoardHarness(At(10, 31));
        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));

        board.ApplyAgents(Rows.AgentEvent("p", At(10, 2), pauseType: "Meeting"));

        var alarm = board.Alarm(AlarmRule.LongPause);
        Assert.Equal((AlarmLevel.Alarm, 1740d), (alarm?.Level, alarm?.Value));
        Assert.Null(board.Alarm(AlarmRule.ConnectedAndPause));
    }

    [Fact]
    public void Pause_StartedBeforeTheAgentsOwnCallout_IsNoPauseAlarm()
    {
        // §9.3: calling out while paused aborts the pause; its 'r' may land after the order session.
        var board = new BoardHarness(At(10, 40));
        board.ApplyAgents(Rows.AgentEvent("p", At(9, 0), pauseType: "Coffee"));
        Assert.NotNull(board.Alarm(AlarmRule.LongPause));

        board.Apply(Rows.Ordered(7001, At(9, 58), agentId: Rows.AgentId));

        Assert.Null(board.Alarm(AlarmRule.LongPause));
        Assert.Null(board.Alarm(AlarmRule.ConnectedAndPause));
    }

    [Fact]
    public void Pause_CalloutRowDatedDaysAhead_DoesNotEndThePause()
    {
        // A bad row (reported when folded, left out of every view) is no callout that aborted the pause.
        var board = new BoardHarness(At(10, 40));
        board.ApplyAgents(Rows.AgentEvent("p", At(10, 0), pauseType: "Coffee"));

        var result = board.Apply(Rows.Ordered(7001, At(10, 0).AddDays(3), agentId: Rows.AgentId));

        Assert.NotEmpty(result.Anomalies);
        Assert.Equal(AgentPresence.Paused, Assert.Single(board.Snapshot().Agents).Status);
        Assert.Equal(AlarmLevel.Alarm, board.Alarm(AlarmRule.LongPause)?.Level);
    }

    [Fact]
    public void Pause_WithAScheduledCallOnlyWaiting_IsAPlainPause()
    {
        var board = new BoardHarness(At(10, 20));
        board.Apply(Rows.Ordered(7001, At(10, 0), initiationSec: 7200, agentId: Rows.AgentId));

        board.ApplyAgents(Rows.AgentEvent("p", At(10, 2), pauseType: "Meeting"));

        Assert.Equal(AlarmRule.LongPause, Assert.Single(board.Alarms).Rule);
    }

    [Fact]
    public void Pause_LoggedOnAgentWithAnOpenCallout_IsNoPauseAlarm()
    {
        var board = new BoardHarness(At(10, 6));
        board.Apply(Rows.Ordered(7001, At(10, 0), agentId: Rows.AgentId));

        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0)));

        Assert.Empty(board.Alarms);
    }
}
