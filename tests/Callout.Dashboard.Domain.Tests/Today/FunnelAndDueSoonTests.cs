using Callout.Dashboard.Contracts;

namespace Callout.Dashboard.Domain.Tests.Today;

/// <summary>
/// The funnel of today's callouts (each counted once, at the step it stopped, with the reason), the scheduled calls
/// coming due with the agents to take them, the due-soon warning, and the hub's deltas carrying only what moved.
/// </summary>
public sealed class FunnelAndDueSoonTests
{
    [Fact]
    public void Funnel_EveryWayACalloutEnds_CountsItAtItsStepWithItsReason()
    {
        var board = new BoardHarness(At(11, 0));
        board.Apply([
            .. Rows.Completed(1, At(10, 1)), .. Rows.Completed(2, At(10, 2), "t"), .. Rows.Completed(3, At(10, 3), "b"), .. Rows.Completed(4, At(10, 4), "e"),
            .. Rows.AgentAttempts(5, At(10, 5), ["b", "e"]), .. Rows.Cancelled(6, At(10, 6)), .. Rows.Deleted(7, At(9, 0), At(10, 7)),
            .. Rows.Ordered(8, At(10, 58)),
            // Cancelled while only failed legs had rung the agent: lost before the agent answered.
            .. Rows.Rewritten([.. Rows.Ordered(9, At(10, 9)), Rows.AgentLeg(9, At(10, 9, 5), "b"), Rows.Queue(9, At(10, 9, 30), "d", recId: 9, sequence: 9)], 300),
            // Yesterday's: not today's funnel.
            .. Rows.Completed(10, At(10, 0).AddDays(-1)),
        ]);

        var funnel = Assert.Single(board.Snapshot().Funnel);

        Assert.Equal(new QueueFunnel(Rows.QueueX, Ordered: 9, InProgress: 1, AgentAnswered: 5, Dialled: 4, Answered: 1,
            AgentNotReached: 1, Deleted: 1, CancelledBeforeAgent: 1, ErrorBeforeAgent: 0, Cancelled: 1, NoAnswer: 1, Busy: 1, Error: 1), funnel);
        Assert.Equal(funnel.Ordered, funnel.InProgress + funnel.AgentNotReached + funnel.Deleted + funnel.CancelledBeforeAgent + funnel.ErrorBeforeAgent + funnel.AgentAnswered);
        Assert.Equal(funnel.AgentAnswered, funnel.Cancelled + funnel.Dialled);
        Assert.Equal(funnel.Dialled, funnel.Answered + funnel.NoAnswer + funnel.Busy + funnel.Error);
    }

    [Fact]
    public void Funnel_TwoQueues_OneEntryEach()
    {
        var board = new BoardHarness(At(11, 0));
        board.Apply([.. Rows.Completed(1, At(10, 1)), .. Rows.Completed(2, At(10, 2), "t", queueKey: Rows.QueueY)]);

        var funnel = board.Snapshot().Funnel.ToDictionary(f => f.QueueKey);

        Assert.Equal((1, 1), (funnel[Rows.QueueX].Ordered, funnel[Rows.QueueX].Answered));
        Assert.Equal((1, 1), (funnel[Rows.QueueY].Ordered, funnel[Rows.QueueY].NoAnswer));
    }

    /// <summary>Ordered at 08:00 for <paramref name="due"/>; reserved "to me" when an agent is given.</summary>
    private static CallEventRow[] Scheduled(decimal callId, DateTime due, int? agentId = null, string queueKey = Rows.QueueX) =>
        Rows.Ordered(callId, At(8, 0), (int)(due - At(8, 0)).TotalSeconds, queueKey, agentId);

    [Fact]
    public void DueSoon_CallsAtTheBoundaries_CountOverdueApartAndEachWindowIncludingTheShorter()
    {
        var board = new BoardHarness(At(10, 0));
        board.Apply([
            .. Scheduled(1, At(9, 50)), .. Scheduled(2, At(10, 0)), .. Scheduled(3, At(10, 15)), .. Scheduled(4, At(10, 15, 1)),
            .. Scheduled(5, At(10, 30)), .. Scheduled(6, At(11, 0)), .. Scheduled(7, At(11, 0, 1)), .. Scheduled(8, At(12, 0)),
        ]);

        var due = Assert.Single(board.Snapshot().DueSoon);

        Assert.Equal((1, 2, 4, 5), (due.Overdue, due.Within15, due.Within30, due.Within60));
    }

    [Fact]
    public void DueSoon_Agents_CountsThoseWhoWorkedTheQueueTodayByWhatTheyDoNow()
    {
        var board = new BoardHarness(At(10, 0));
        board.ApplyAgents(
            Rows.AgentEvent("i", At(8, 0), 1001), Rows.AgentEvent("i", At(8, 0), 1002), Rows.AgentEvent("i", At(8, 0), 1003),
            Rows.AgentEvent("p", At(9, 40), 1003, "Lunch"), Rows.AgentEvent("i", At(8, 0), 1004));
        board.Apply([
            .. Rows.Completed(1, At(9, 0), agentId: 1001), .. Rows.Completed(2, At(9, 10), agentId: 1002), .. Rows.Ordered(3, At(9, 58), agentId: 1002),
            .. Rows.Completed(4, At(9, 20), agentId: 1003),
            // Agent 1004 worked another queue only.
            .. Rows.Completed(5, At(9, 30), agentId: 1004, queueKey: Rows.QueueY),
            .. Scheduled(6, At(10, 10)),
        ]);

        var due = board.Snapshot().DueSoon.Single(d => d.QueueKey == Rows.QueueX);

        Assert.Equal((1, 1, 1), (due.AgentsFree, due.AgentsOnCallout, due.AgentsPaused));
    }

    [Fact]
    public void DueSoon_CallsReservedToMe_CountedByWhatTheReservedAgentDoes()
    {
        var board = new BoardHarness(At(10, 0));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0), 1001), Rows.AgentEvent("i", At(8, 0), 1002), Rows.AgentEvent("p", At(9, 30), 1002), Rows.AgentEvent("o", At(9, 0), 1003));
        board.Apply([
            .. Scheduled(1, At(10, 10), 1001), .. Scheduled(2, At(10, 20), 1002), .. Scheduled(3, At(9, 55), 1003), .. Scheduled(4, At(10, 30), 1003),
            // Due in two hours: not within the hour.
            .. Scheduled(5, At(12, 0), 1001),
            .. Scheduled(6, At(10, 5)),
        ]);

        var due = Assert.Single(board.Snapshot().DueSoon);

        Assert.Equal((1, 0, 1, 2), (due.ReservedFree, due.ReservedOnCallout, due.ReservedPaused, due.ReservedLoggedOff));
    }

    [Fact]
    public void DueSoonAlarm_MoreCallsFallingDueThanFreeAgents_WarnsWithCallsAndFreeAgents()
    {
        var board = new BoardHarness(At(10, 0));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0), 1001));
        board.Apply([.. Rows.Completed(1, At(9, 0), agentId: 1001), .. Scheduled(2, At(10, 5)), .. Scheduled(3, At(10, 14)), .. Scheduled(4, At(10, 40))]);

        var alarm = board.Alarm(AlarmRule.DueSoon);

        Assert.NotNull(alarm);
        Assert.Equal((AlarmLevel.Warning, 2.0, 1.0, Rows.QueueX), (alarm.Level, alarm.Value, alarm.Threshold, alarm.QueueKey));
    }

    [Fact]
    public void DueSoonAlarm_AsManyFreeAgentsAsCalls_RaisesNothing()
    {
        var board = new BoardHarness(At(10, 0));
        board.ApplyAgents(Rows.AgentEvent("i", At(8, 0), 1001), Rows.AgentEvent("i", At(8, 0), 1002));
        board.Apply([.. Rows.Completed(1, At(9, 0), agentId: 1001), .. Rows.Completed(2, At(9, 5), agentId: 1002), .. Scheduled(3, At(10, 5)), .. Scheduled(4, At(10, 14))]);

        Assert.Null(board.Alarm(AlarmRule.DueSoon));
    }

    [Fact]
    public void DueSoonAlarm_OverdueCallsOnly_AreLeftToTheOverdueRules()
    {
        var board = new BoardHarness(At(10, 0));
        board.Apply(Scheduled(1, At(9, 50)));

        Assert.Null(board.Alarm(AlarmRule.DueSoon));
        Assert.NotNull(board.Alarm(AlarmRule.ScheduledOverdue));
    }

    [Fact]
    public void DueSoonAlarm_WindowAndSwitch_AreTheQueueRules()
    {
        var wide = BoardHarness.WithAlarms(AlarmRules.Default with { Queue = new QueueAlarmRules { DueSoon = new(TimeSpan.FromMinutes(45)) } });
        var off = BoardHarness.WithAlarms(AlarmRules.Default with { Queue = new QueueAlarmRules { DueSoon = new(TimeSpan.FromMinutes(15), Enabled: false) } });
        var standard = new BoardHarness(At(10, 0));
        var widened = new BoardHarness(At(10, 0), wide);
        var switchedOff = new BoardHarness(At(10, 0), off);

        foreach (var board in new[] { standard, widened, switchedOff })
        {
            board.Apply([.. Scheduled(1, At(10, 5)), .. Scheduled(2, At(10, 40))]);
        }

        Assert.Equal(1.0, standard.Alarm(AlarmRule.DueSoon)!.Value);
        Assert.Equal(2.0, widened.Alarm(AlarmRule.DueSoon)!.Value);
        Assert.Null(switchedOff.Alarm(AlarmRule.DueSoon));
    }

    [Fact]
    public void Delta_CalloutEnds_CarriesTheCurrentQuarterHourAndTheQueuesFunnelOnly()
    {
        var board = new BoardHarness(At(10, 40));
        board.Apply(Rows.Completed(1, At(9, 0)));
        var before = board.Snapshot();

        board.Apply(Rows.Completed(2, At(10, 30)));
        var delta = BoardDeltaMessage.Between(before, board.Snapshot());

        var bucket = Assert.Single(delta.Changed(BoardLists.Intraday));
        AssertTime.Same(Local(At(10, 30)), bucket.Start);
        Assert.Equal(2, Assert.Single(delta.Changed(BoardLists.Funnel)).Ordered);
        Assert.Empty(delta.Removed[BoardLists.Intraday.Name]);
    }
}
