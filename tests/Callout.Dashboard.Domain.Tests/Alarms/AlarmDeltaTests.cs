namespace Callout.Dashboard.Domain.Tests.Alarms;

/// <summary>
/// What <see cref="Board.EvaluateAlarms"/> reports: a new version and a delta naming the alarms' queues only when the
/// alarms changed, so a view of other queues ignores it and an idle board does not wake every viewer each second.
/// </summary>
public sealed class AlarmDeltaTests
{
    // Ordered at 09:00 for 10:00, no agent on the order session: the alarm concerns the queue alone.
    private static CallEventRow[] Scheduled(decimal callId, string queueKey = Rows.QueueX) =>
        Rows.Ordered(callId, At(9, 0), initiationSec: 3600, queueKey: queueKey);

    [Fact]
    public void EvaluateAlarms_ClockAloneMovesACallPastItsThreshold_DeltaNamesItsQueue()
    {
        var board = new BoardHarness(At(10, 4));
        board.Apply(Scheduled(7001));
        var version = board.Board.State.Version;
        BoardDelta? raised = null;
        board.Board.Changed += d => raised = d;

        var delta = board.EvaluateAt(At(10, 5, 1));

        Assert.NotNull(delta);
        Assert.Same(delta, raised);
        Assert.Equal(version + 1, delta.Version);
        Assert.Equal(version + 1, board.Board.State.Version);
        Assert.Equal(version + 1, board.Snapshot().Version);
        Assert.Equal([Rows.QueueX], delta.QueueKeys);
        Assert.Empty(delta.ChangedCalls);
        Assert.Empty(delta.RemovedCallIds);
        Assert.Empty(delta.ChangedAgentIds);
        Assert.False(delta.LookupsChanged);
        Assert.False(delta.UnqueuedAlarmsChanged);
        Assert.True(delta.Touches(QueueFilter.All));
        Assert.True(delta.Touches(new QueueFilter([Rows.QueueX])));
        Assert.False(delta.Touches(new QueueFilter([Rows.QueueY])));
    }

    [Fact]
    public void EvaluateAlarms_NothingChanged_NoDeltaAndNoNewVersion()
    {
        var board = new BoardHarness(At(10, 4));
        board.Apply(Scheduled(7001));
        var version = board.Board.State.Version;
        var raised = 0;
        board.Board.Changed += _ => raised++;

        Assert.Null(board.EvaluateAt(At(10, 4)));
        Assert.Null(board.EvaluateAt(At(10, 4, 59)));

        Assert.Equal(version, board.Board.State.Version);
        Assert.Equal(0, raised);
    }

    [Fact]
    public void EvaluateAlarms_DurationMovesOncePerMinute_NewVersionOnlyWhenTheMinuteTurns()
    {
        // 5:01 overdue at 10:05:01; the value stays 300 s until 10:06:00.
        var board = new BoardHarness(At(10, 5, 1));
        board.Apply(Scheduled(7001));
        var version = board.Board.State.Version;

        Assert.Null(board.EvaluateAt(At(10, 5, 30)));
        Assert.Null(board.EvaluateAt(At(10, 5, 59)));
        var turned = board.EvaluateAt(At(10, 6, 0));
        Assert.Null(board.EvaluateAt(At(10, 6, 1)));

        Assert.NotNull(turned);
        Assert.Equal(version + 1, board.Board.State.Version);
        Assert.Equal(360, board.Alarm(AlarmRule.ScheduledOverdue)?.Value);
        Assert.Equal([Rows.QueueX], turned.QueueKeys);
    }

    [Fact]
    public void EvaluateAlarms_RateAlarm_NoNewVersionWhileItStays()
    {
        var board = new BoardHarness(At(10, 0));
        board.Apply(AnswerRateAlarmTests.Calls(1, At(9, 1), 10, 0));
        Assert.NotNull(board.Alarm(AlarmRule.AnswerRateHour));

        Assert.Null(board.EvaluateAt(At(10, 1)));
        Assert.Null(board.EvaluateAt(At(10, 2, 30)));
    }

    [Fact]
    public void EvaluateAlarms_QueueAlarmEnds_DeltaNamesItsQueue()
    {
        // Ten unanswered calls in Y, ended 09:02:40 to 09:29:40: by 11:00 the hour holds none, and no row came in.
        var board = new BoardHarness(At(10, 0));
        board.Apply(AnswerRateAlarmTests.Calls(1, At(9, 1), 10, 0, Rows.QueueY));
        Assert.NotNull(board.Alarm(AlarmRule.AnswerRateHour));

        var delta = board.EvaluateAt(At(11, 0));

        Assert.Null(board.Alarm(AlarmRule.AnswerRateHour));
        Assert.Equal([Rows.QueueY], delta?.QueueKeys);
        Assert.False(delta!.Touches(new QueueFilter([Rows.QueueX])));
    }

    [Fact]
    public void EvaluateAlarms_AgentAlarm_TouchesEveryView()
    {
        var board = new BoardHarness(At(10, 10));
        board.ApplyAgents(Rows.AgentEvent("p", At(10, 0), pauseType: "Coffee"));

        var delta = board.EvaluateAt(At(10, 10, 1));

        Assert.NotNull(delta);
        Assert.True(delta.UnqueuedAlarmsChanged);
        Assert.Empty(delta.QueueKeys);
        Assert.True(delta.Touches(new QueueFilter([Rows.QueueY])));
    }

    [Fact]
    public void RecordPoll_FailingPoll_NewVersionOnlyWhenTheAlarmChanges()
    {
        var board = new BoardHarness(At(10, 2));
        var deltas = new List<BoardDelta>();
        board.Board.Changed += deltas.Add;

        board.Board.RecordPoll(false, "connection refused");
        board.SetLocalNow(At(10, 2, 20));
        board.Board.RecordPoll(false, "connection refused");

        var delta = Assert.Single(deltas);
        Assert.Equal(1, board.Board.State.Version);
        Assert.True(delta.UnqueuedAlarmsChanged);
        Assert.True(delta.Touches(new QueueFilter([Rows.QueueY])));
    }
}
