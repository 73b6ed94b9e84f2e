namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>
/// Scenario I of the domain notes, from Puzzel's "Error when calling agent that ordered callout": "The call to the
/// agent ... may result in busy, or in error/timeout if the agent logged on with wrong number ... you might find a
/// call_id with several conversation events to the agent (ciq=a) all with result b, c and/or e". Failed agent legs
/// (b, c, e, t) of one agent within 15 minutes with no reached leg (k, h) after them: from 3 a warning, from 5 an alarm.
/// </summary>
public sealed class AgentNotReachableAlarmTests
{
    private static readonly DateTime s_ordered = At(10, 0);

    // The legs of AgentAttempts start 5 s after the order and follow 30 s apart.
    private static DateTime Leg(int index) => Rows.CallStart(s_ordered).AddSeconds(30 * index);

    [Fact]
    public void AgentNotReachable_SeedsThreeFailedLegsAndNoContactLeg_IsAWarningForTheAgent()
    {
        var board = new BoardHarness(At(10, 5));

        board.Apply(Rows.AgentAttempts(7001, s_ordered, ["b", "c", "e"]));

        Assert.Equal(CalloutOutcome.AgentNotReached, Assert.Single(board.Snapshot().RecentCallouts).Outcome);
        // Since is the third failed leg, from the rows; the alarm names the queue of the latest failed leg.
        AssertAlarm.Is(
            new AlarmView("agent-not-reachable:__Callout_X:1001:", AlarmRule.AgentNotReachable, AlarmLevel.Warning, Local(Leg(2)), 3, 3, AlarmUnit.Count,
                Rows.QueueX, Rows.AgentId),
            board.Alarm(AlarmRule.AgentNotReachable));
    }

    [Theory]
    [InlineData(new[] { "b", "e" }, null, 0d)]
    [InlineData(new[] { "b", "c", "e", "e" }, AlarmLevel.Warning, 3d)]
    [InlineData(new[] { "b", "c", "e", "e", "t" }, AlarmLevel.Alarm, 5d)] // a ringing timeout fails too
    [InlineData(new[] { "e", "e", "e", "e", "e", "e" }, AlarmLevel.Alarm, 5d)]
    public void AgentNotReachable_ByFailedLegs_IsNoneWarningOrAlarm(string[] results, AlarmLevel? level, double threshold)
    {
        var board = new BoardHarness(At(10, 10));

        board.Apply(Rows.AgentAttempts(7001, s_ordered, results));

        var alarm = board.Alarm(AlarmRule.AgentNotReachable);
        if (level is null)
        {
            Assert.Null(alarm);
            return;
        }
        Assert.Equal((level, (double)results.Length, threshold), (alarm?.Level, alarm?.Value, alarm?.Threshold));
        AssertTime.Same(Local(Leg(2)), alarm!.Since);
    }

    [Fact]
    public void AgentNotReachable_FailedLegsOfSeveralCalls_AddUpPerAgent()
    {
        var board = new BoardHarness(At(10, 10));

        board.Apply([.. Rows.AgentAttempts(1, s_ordered, ["b", "e"]), .. Rows.AgentAttempts(2, At(10, 4), ["c"], queueKey: Rows.QueueY)]);

        var alarm = board.Alarm(AlarmRule.AgentNotReachable);
        Assert.Equal((3d, Rows.QueueY, Rows.AgentId), (alarm?.Value, alarm?.QueueKey, alarm?.AgentId));
        AssertTime.Same(Local(At(10, 4, 5)), alarm!.Since);
    }

    [Fact]
    public void AgentNotReachable_LegsOfAnotherAgent_AreNotCounted()
    {
        var board = new BoardHarness(At(10, 10));

        board.Apply([.. Rows.AgentAttempts(1, s_ordered, ["b", "e"]), .. Rows.AgentAttempts(2, At(10, 4), ["c", "e"], agentId: Rows.OtherAgentId)]);

        Assert.Null(board.Alarm(AlarmRule.AgentNotReachable));
    }

    [Theory]
    [InlineData("k", false)] // answered: the phone works
    [InlineData("h", false)] // the agent cancelled: the phone rang
    [InlineData("t", true)]  // control: a failed leg there makes five
    public void AgentNotReachable_ReachedLegInBetween_StartsTheCountAgain(string between, bool expectAlarm)
    {
        var board = new BoardHarness(At(10, 10));

        board.Apply(
        [
            .. Rows.AgentAttempts(1, s_ordered, ["b", "e", between], thenContact: between == "k" ? "k" : null),
            .. Rows.AgentAttempts(2, At(10, 5), ["c", "e"]),
        ]);

        var alarm = board.Alarm(AlarmRule.AgentNotReachable);
        Assert.Equal(expectAlarm ? AlarmLevel.Alarm : null, alarm?.Level);
    }

    [Fact]
    public void AgentNotReachable_LaterCallReachesTheAgent_IsGoneAndLogged()
    {
        var board = new BoardHarness(At(10, 5));
        board.Apply(Rows.AgentAttempts(1, s_ordered, ["b", "c", "e"]));
        Assert.NotNull(board.Alarm(AlarmRule.AgentNotReachable));

        board.SetLocalNow(At(10, 8));
        board.Apply(Rows.Completed(2, At(10, 6)));

        Assert.Null(board.Alarm(AlarmRule.AgentNotReachable));
        AssertAlarm.Logged(
            new AlarmLogEntry("agent-not-reachable:__Callout_X:1001:", AlarmRule.AgentNotReachable, Local(Leg(2)), Local(At(10, 8)), AlarmLevel.Warning, 3, 3, AlarmUnit.Count,
                Rows.QueueX, Rows.AgentId),
            Assert.Single(board.AlarmLog));
    }

    [Fact]
    public void AgentNotReachable_LegsOlderThanTheWindow_AreNotCounted()
    {
        var board = new BoardHarness(At(10, 15));
        board.Apply(Rows.AgentAttempts(7001, s_ordered, ["b", "c", "e"]));
        Assert.NotNull(board.Alarm(AlarmRule.AgentNotReachable)); // the first leg, 10:00:05, is 14:55 old

        board.EvaluateAt(At(10, 15, 6));

        Assert.Null(board.Alarm(AlarmRule.AgentNotReachable));
        Assert.Equal(At(10, 15, 6), Assert.Single(board.AlarmLog).End?.DateTime);
    }

    [Fact]
    public void AgentNotReachable_OldestLegLeavesTheWindowWhileThreeRemain_KeepsItsSince()
    {
        // Three failed legs a minute apart from 10:00:05, a fourth at 10:10:05: on from 10:02:05 without a break.
        var board = new BoardHarness(At(10, 12));
        board.Apply(
        [
            .. Rows.AgentAttempts(1, s_ordered, ["b", "c", "e"], between: TimeSpan.FromMinutes(1)),
            .. Rows.AgentAttempts(2, At(10, 10), ["e"]),
        ]);
        AssertTime.Same(Local(At(10, 2, 5)), board.Alarm(AlarmRule.AgentNotReachable)!.Since);

        board.EvaluateAt(At(10, 15, 30));

        var alarm = board.Alarm(AlarmRule.AgentNotReachable);
        Assert.Equal(3, alarm?.Value);
        AssertTime.Same(Local(At(10, 2, 5)), alarm!.Since);
        Assert.Equal(alarm.Since, Assert.Single(board.AlarmLog).Start);
    }

    [Fact]
    public void AgentNotReachable_EarlierFailedLegLandsLate_MovesSinceBack()
    {
        var board = new BoardHarness(At(10, 8));
        board.Apply(Rows.AgentAttempts(2, At(10, 4), ["b", "c", "e"]));
        AssertTime.Same(Local(At(10, 5, 5)), board.Alarm(AlarmRule.AgentNotReachable)!.Since);

        // An earlier call's rows land late: by the rows, the third failure was the 10:04:35 leg.
        board.Apply(Rows.AgentAttempts(1, s_ordered, ["e"]));

        var alarm = board.Alarm(AlarmRule.AgentNotReachable);
        Assert.Equal(4, alarm?.Value);
        AssertTime.Same(Local(At(10, 4, 35)), alarm!.Since);
        AssertTime.Same(alarm.Since, Assert.Single(board.AlarmLog).Start);
    }

    [Fact]
    public void AgentNotReachable_OwnLevelsAndWindow_AreUsed()
    {
        var alarms = AlarmRules.Default with { AgentNotReachable = new(2, 4, TimeSpan.FromMinutes(5)) };
        var board = new BoardHarness(At(10, 3), WithAlarms(alarms));

        board.Apply(Rows.AgentAttempts(7001, s_ordered, ["b", "e"]));
        Assert.Equal((AlarmLevel.Warning, 2d, 2d), (board.Alarm(AlarmRule.AgentNotReachable)?.Level, board.Alarm(AlarmRule.AgentNotReachable)?.Value,
            board.Alarm(AlarmRule.AgentNotReachable)?.Threshold));

        board.EvaluateAt(At(10, 5, 10));
        Assert.Null(board.Alarm(AlarmRule.AgentNotReachable));
    }
}
